/**
 * The topics residents raise in compounds (DOMAIN.md "Tickets"), each with its
 * season, the kinds of compound that generate it, the request kinds it comes as,
 * the level of the escalation ladder it is usually settled at, how long it takes,
 * who handles it above the community, and what residents write.
 */

/** Compound classes that differ in ticket mix: old walk-ups with and without property management. */
export const COMPOUND_CLASSES = ["oldUnmanaged", "oldManaged", "modern", "resettlement"] as const;
export type CompoundClass = typeof COMPOUND_CLASSES[number];

export interface Category {
  name: string;
  /** Relative volume over a year. */
  weight: number;
  /** Volume multiplier by month, January first. */
  months: number[];
  /** Volume multiplier on cold-snap days (frozen pipes, cold flats). */
  coldSnap: number;
  /** Volume multiplier by compound class, in COMPOUND_CLASSES order. */
  classes: [number, number, number, number];
  /** Weights of enquiry, complaint, suggestion, help (TICKET_KINDS order). */
  kinds: [number, number, number, number];
  /** Weights of building, compound, community, street, district (RESOLVED_LEVELS order). */
  levels: [number, number, number, number, number];
  /** Median handling time in working days at compound level. */
  medianDays: number;
  /** The street office that handles it when the street is called in (after the street's name). */
  streetOffice: string;
  /** The district department or utility that reports when the street calls. */
  department: string;
  descriptions: string[];
}

const FLAT = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
const SUMMER = [0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.5, 1.5, 1.2, 1, 0.8, 0.7];
const GROWING_SEASON = [0.4, 0.4, 0.9, 1.6, 1.6, 1.4, 1.2, 1.2, 1.1, 0.9, 0.7, 0.4];

export const CATEGORIES: Category[] = [
  {
    name: "物业管理",
    weight: 12,
    months: FLAT,
    coldSnap: 1,
    classes: [0.6, 1.2, 1.3, 1.2],
    kinds: [0.3, 0.55, 0.1, 0.05],
    levels: [0.15, 0.55, 0.2, 0.07, 0.03],
    medianDays: 3,
    streetOffice: "社区建设办",
    department: "区住建局",
    descriptions: [
      "物业公司服务不到位，楼道长期无人打扫。",
      "咨询物业费收费标准，认为收费偏高。",
      "物业更换后交接不清，门禁卡无法使用。",
      "小区监控损坏多日，物业未及时维修。",
      "要求公开物业费和公共收益收支情况。",
    ],
  },
  {
    name: "电梯",
    weight: 6,
    months: FLAT,
    coldSnap: 1,
    classes: [0.35, 0.4, 1.6, 1.4],
    kinds: [0.25, 0.6, 0.05, 0.1],
    levels: [0.1, 0.55, 0.15, 0.1, 0.1],
    medianDays: 2,
    streetOffice: "城建办",
    department: "区市场监管局",
    descriptions: [
      "电梯频繁故障停运，老人上下楼困难。",
      "电梯运行时有异响，担心安全。",
      "电梯困人，救援到场较慢。",
      "咨询老旧楼加装电梯的政策和申请流程。",
      "加装电梯意见不统一，请社区协调。",
    ],
  },
  {
    name: "停车",
    weight: 8,
    months: FLAT,
    coldSnap: 1,
    classes: [1.5, 1.3, 1, 1],
    kinds: [0.15, 0.6, 0.25, 0],
    levels: [0.1, 0.45, 0.25, 0.15, 0.05],
    medianDays: 4,
    streetOffice: "综合执法队",
    department: "区交警大队",
    descriptions: [
      "外来车辆占用消防通道，堵住单元门口。",
      "小区车位不足，建议规划停车位。",
      "地库车位只售不租，业主有意见。",
      "僵尸车长期占用车位，请求清理。",
    ],
  },
  {
    name: "环境卫生",
    weight: 9,
    months: SUMMER,
    coldSnap: 1,
    classes: [1.8, 1.2, 0.8, 1.1],
    kinds: [0, 0.75, 0.15, 0.1],
    levels: [0.35, 0.45, 0.12, 0.06, 0.02],
    medianDays: 1.5,
    streetOffice: "环卫所",
    department: "区环卫中心",
    descriptions: [
      "垃圾桶满溢未及时清运，气味很大。",
      "楼道内堆放杂物，影响通行。",
      "化粪池堵塞外溢，污水横流。",
      "小区内有人饲养家禽，卫生状况差。",
      "建筑垃圾随意堆放在绿地上。",
    ],
  },
  {
    name: "绿化",
    weight: 3,
    months: GROWING_SEASON,
    coldSnap: 1,
    classes: [0.8, 1, 1.2, 1],
    kinds: [0.15, 0.5, 0.35, 0],
    levels: [0.2, 0.5, 0.2, 0.07, 0.03],
    medianDays: 5,
    streetOffice: "城建办",
    department: "区园林局",
    descriptions: [
      "树木遮挡低层住户采光，请求修剪。",
      "绿地被个别住户圈占种菜。",
      "枯树有倒伏风险，请及时处理。",
      "建议在空地增加绿化和健身设施。",
    ],
  },
  {
    name: "供水排水",
    weight: 8,
    months: [1.2, 1.1, 0.9, 0.8, 0.9, 1, 1.5, 1.4, 1, 0.8, 0.9, 1.1],
    coldSnap: 4,
    classes: [1.8, 1.5, 0.8, 1],
    kinds: [0.1, 0.5, 0, 0.4],
    levels: [0.2, 0.4, 0.15, 0.1, 0.15],
    medianDays: 2,
    streetOffice: "城建办",
    department: "市供水公司",
    descriptions: [
      "水管冻裂漏水，楼下住户被淹。",
      "自来水水压低，高层用水困难。",
      "下水道堵塞返水，请尽快疏通。",
      "雨后小区积水严重，出行不便。",
      "停水未提前通知，何时恢复供水。",
    ],
  },
  {
    name: "供电",
    weight: 4,
    months: [1.1, 1, 0.8, 0.8, 0.9, 1.3, 1.6, 1.5, 1, 0.8, 0.9, 1.1],
    coldSnap: 1.3,
    classes: [1.4, 1.2, 0.9, 1],
    kinds: [0.1, 0.4, 0, 0.5],
    levels: [0.15, 0.35, 0.1, 0.1, 0.3],
    medianDays: 1,
    streetOffice: "城建办",
    department: "供电公司",
    descriptions: [
      "单元楼频繁跳闸停电，影响生活。",
      "楼道灯坏了很久没人修。",
      "电表箱老化，存在安全隐患。",
      "夏季用电高峰电压不稳。",
    ],
  },
  {
    name: "噪声扰民",
    weight: 7,
    months: [0.7, 0.8, 0.9, 1, 1.2, 1.3, 1.4, 1.3, 1.1, 1, 0.8, 0.7],
    coldSnap: 1,
    classes: [1.1, 1, 1, 1.2],
    kinds: [0, 0.9, 0.1, 0],
    levels: [0.45, 0.3, 0.15, 0.07, 0.03],
    medianDays: 3,
    streetOffice: "综治中心",
    department: "区生态环境局",
    descriptions: [
      "楼上装修噪音大，中午和晚上也施工。",
      "广场舞音响声音太大，影响休息。",
      "底商夜间经营噪声扰民。",
      "楼上住户深夜跺脚拖椅子，沟通无果。",
    ],
  },
  {
    name: "电动车充电",
    weight: 5,
    months: [0.6, 0.6, 0.8, 1, 1.3, 1.8, 2.2, 2.2, 1.6, 1.1, 0.8, 0.6],
    coldSnap: 1,
    classes: [1.8, 1.4, 0.7, 1.2],
    kinds: [0.15, 0.55, 0.3, 0],
    levels: [0.45, 0.35, 0.12, 0.06, 0.02],
    medianDays: 3,
    streetOffice: "应急办",
    department: "区消防救援大队",
    descriptions: [
      "有住户从窗户飞线给电动车充电，存在火灾隐患。",
      "电动车推进楼道和电梯充电，劝阻无效。",
      "建议在小区内增设电动车充电桩。",
      "充电桩损坏，大家只能在楼道充电。",
    ],
  },
  {
    name: "违章搭建",
    weight: 4,
    months: [0.6, 0.6, 1, 1.3, 1.4, 1.3, 1.1, 1, 1, 1, 0.9, 0.7],
    coldSnap: 1,
    classes: [1.5, 1.2, 0.8, 1.1],
    kinds: [0.15, 0.85, 0, 0],
    levels: [0.05, 0.25, 0.3, 0.3, 0.1],
    medianDays: 10,
    streetOffice: "综合执法队",
    department: "区城管局",
    descriptions: [
      "一楼住户私自扩建院墙，占用公共通道。",
      "顶楼住户在楼顶违建阳光房。",
      "有人在绿地上搭建棚子堆放杂物。",
      "底商违规外扩，侵占人行道。",
    ],
  },
  {
    name: "邻里纠纷",
    weight: 5,
    months: FLAT,
    coldSnap: 1,
    classes: [1.2, 1.1, 0.9, 1.2],
    kinds: [0, 0.5, 0, 0.5],
    levels: [0.55, 0.25, 0.15, 0.05, 0],
    medianDays: 4,
    streetOffice: "综治中心",
    department: "区司法局",
    descriptions: [
      "楼上卫生间漏水渗到我家，协商不成。",
      "邻居在楼道养狗，狗粪不清理。",
      "对门在公共楼道安装摄像头对着我家。",
      "邻居家空调外机正对我家窗户。",
    ],
  },
  {
    name: "养老助餐",
    weight: 3,
    months: [1.2, 1.2, 1, 1, 1, 1, 1, 1, 1, 1, 1.1, 1.2],
    coldSnap: 1.2,
    classes: [1.6, 1.4, 0.7, 1],
    kinds: [0.25, 0, 0.05, 0.7],
    levels: [0.3, 0.3, 0.35, 0.05, 0],
    medianDays: 3,
    streetOffice: "便民服务中心",
    department: "区民政局",
    descriptions: [
      "独居老人行动不便，希望有人送餐上门。",
      "咨询社区老年食堂的用餐时间和价格。",
      "家中老人需要上门助浴和陪护服务。",
      "建议社区助餐点增加低糖饭菜。",
    ],
  },
  {
    name: "帮办代办",
    weight: 5,
    months: FLAT,
    coldSnap: 1,
    classes: [1.4, 1.2, 0.8, 1.1],
    kinds: [0.2, 0, 0, 0.8],
    levels: [0.45, 0.25, 0.3, 0, 0],
    medianDays: 2,
    streetOffice: "便民服务中心",
    department: "区政务服务中心",
    descriptions: [
      "行动不便，请帮忙办理退休人员资格认证。",
      "请帮老人代办高龄津贴申领。",
      "咨询残疾证办理需要哪些材料。",
      "请帮忙代缴独居老人的水电燃气费。",
      "请帮忙办理居住证明。",
    ],
  },
  {
    name: "供暖",
    weight: 8,
    // The heating season runs from 1 November to 31 March; complaints peak as it starts.
    months: [2.6, 2, 1.3, 0.3, 0.05, 0.05, 0.05, 0.05, 0.1, 0.6, 3.6, 3],
    coldSnap: 2.5,
    classes: [1.3, 1.2, 0.9, 1.1],
    kinds: [0.3, 0.6, 0, 0.1],
    levels: [0.1, 0.3, 0.15, 0.15, 0.3],
    medianDays: 2,
    streetOffice: "城建办",
    department: "市热力公司",
    descriptions: [
      "暖气不热，室内温度不到十八度。",
      "暖气片漏水，请求维修。",
      "咨询供暖费缴纳时间和标准。",
      "管道有气堵，需要排气。",
      "顶楼和边户暖气温度明显偏低。",
    ],
  },
  {
    name: "房屋维修",
    weight: 5,
    months: [0.8, 0.8, 0.9, 0.9, 1, 1.2, 1.8, 1.7, 1.1, 0.9, 0.8, 0.8],
    coldSnap: 1,
    classes: [1.6, 1.4, 0.8, 1],
    kinds: [0.05, 0.5, 0, 0.45],
    levels: [0.15, 0.45, 0.2, 0.1, 0.1],
    medianDays: 7,
    streetOffice: "城建办",
    department: "区住建局",
    descriptions: [
      "顶楼漏雨，申请使用维修基金。",
      "外墙瓷砖脱落，有安全隐患。",
      "单元门损坏关不上。",
      "楼道墙皮脱落，扶手松动。",
    ],
  },
  {
    name: "消防安全",
    weight: 3,
    months: [1.3, 1.3, 1, 0.9, 0.9, 0.9, 1, 1, 0.9, 1, 1.1, 1.3],
    coldSnap: 1,
    classes: [1.5, 1.2, 0.9, 1],
    kinds: [0.1, 0.6, 0.3, 0],
    levels: [0.3, 0.45, 0.15, 0.07, 0.03],
    medianDays: 3,
    streetOffice: "应急办",
    department: "区消防救援大队",
    descriptions: [
      "楼道灭火器过期，消火栓没有水。",
      "楼道堆放易燃杂物，存在隐患。",
      "消防通道被占用，消防车无法通行。",
    ],
  },
];
