/**
 * The topics residents raise in compounds (DOMAIN.md "Tickets"), each with its
 * season, the kinds of compound that generate it, the request kinds it comes as,
 * the level of the escalation ladder it is usually settled at, how long it takes,
 * who handles it above the community, what residents write and what they are answered.
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
  /** The reply to the resident (答复意见): what was done, one per description, in the same order. */
  replies: string[];
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
    replies: [
      "已约谈物业公司，落实楼道每日保洁，社区每周检查。",
      "已向居民说明物业费收费标准和备案文件，收费在政府指导价范围内。",
      "已协调新旧物业完成交接，门禁卡已重新登记发放。",
      "物业已更换损坏的监控设备，恢复正常运行。",
      "已督促物业在公告栏公开物业费和公共收益收支明细。",
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
    replies: [
      "已联系维保单位全面检修并更换故障部件，电梯恢复运行。",
      "维保单位已检测并更换导靴，异响消除，运行正常。",
      "已约谈维保单位，缩短救援响应时间并张贴应急电话。",
      "已向居民解读加装电梯政策，提供申请表和办理流程。",
      "社区已组织单元居民协商，达成加装意见并启动申报。",
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
    replies: [
      "已清理占道车辆，在消防通道施划禁停标线。",
      "已结合小区空地规划新增停车位，方案正在公示。",
      "已协调开发商推出车位租赁，价格已公示。",
      "已联系车主移走长期停放车辆，无法联系的依法拖移。",
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
    replies: [
      "已督促保洁公司增加清运频次，垃圾日产日清。",
      "已组织清理楼道杂物，并告知居民不得再堆放。",
      "已联系专业单位疏通化粪池并消毒，外溢已解决。",
      "已上门劝导住户停止饲养家禽，环境已清理。",
      "已督促施工户清运建筑垃圾，绿地已恢复。",
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
    replies: [
      "已安排园林人员修剪遮挡采光的树木。",
      "已劝导住户退还圈占的绿地，并补种绿植。",
      "已将枯树移除，现场已清理。",
      "建议已采纳，已列入小区微改造计划。",
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
    replies: [
      "已关闭阀门并更换冻裂管道，楼下受损情况已协商处理。",
      "已调整二次供水设备，高层水压恢复正常。",
      "已安排疏通下水管道，排水恢复正常。",
      "已清理雨水井并疏通排水管，积水已排除。",
      "已向居民说明停水原因，供水已恢复，今后提前通知。",
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
    replies: [
      "已排查线路并更换老化开关，跳闸问题已解决。",
      "已更换楼道灯，并列入物业定期巡查。",
      "已联系供电部门更换老化电表箱。",
      "供电部门已调整线路负荷，电压恢复稳定。",
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
    replies: [
      "已上门告知装修时间规定，装修户承诺按时施工。",
      "已与广场舞团队协商，降低音量并调整活动时间。",
      "已联合执法部门约谈商户，夜间经营噪声已控制。",
      "网格员已上门调解，双方达成相互体谅的约定。",
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
    replies: [
      "网格员已上门劝导并拆除飞线，告知集中充电地点。",
      "已在楼道张贴禁止充电告示，物业加强巡查劝阻。",
      "已协调在小区新增电动车充电桩。",
      "已联系运营方修复充电桩，恢复使用。",
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
    replies: [
      "已责令住户拆除扩建院墙，公共通道已恢复。",
      "已联合执法部门下达整改通知，违建阳光房已拆除。",
      "已拆除绿地上的违建棚子，杂物已清理。",
      "已依法责令商户退回店内经营，人行道已恢复。",
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
    replies: [
      "已组织双方现场查看并调解，楼上住户已维修防水。",
      "已上门劝导养犬户及时清理狗粪并文明养犬。",
      "已调解双方，摄像头已调整角度。",
      "已协调邻居移装空调外机，双方无异议。",
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
    replies: [
      "已将老人纳入社区助餐送餐名单，每日送餐上门。",
      "已告知老年食堂用餐时间和价格，并提供订餐电话。",
      "已对接养老服务中心，安排上门助浴和陪护。",
      "建议已采纳，助餐点已增加低糖菜品。",
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
    replies: [
      "社区工作人员已上门协助完成退休人员资格认证。",
      "已帮老人代办高龄津贴申领，材料已提交。",
      "已告知残疾证办理所需材料和流程。",
      "已帮独居老人代缴水电燃气费，并建立代缴台账。",
      "已协助办理居住证明。",
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
    replies: [
      "已联系热力公司入户检测并调整供热，室温已达标。",
      "热力公司已更换漏水的暖气片。",
      "已告知供暖费缴纳时间、标准和缴费渠道。",
      "已安排人员入户排气，暖气恢复正常。",
      "热力公司已调整管网平衡，顶楼和边户温度已提升。",
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
    replies: [
      "已协助业主申请维修基金，顶楼防水已修复。",
      "已拉设警戒区域并修复脱落的外墙瓷砖。",
      "已更换单元门闭门器，单元门已修好。",
      "已修补楼道墙面并加固扶手。",
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
    replies: [
      "已更换过期灭火器，消火栓已恢复供水。",
      "已组织清理楼道易燃杂物，并开展消防宣传。",
      "已清理占用消防通道的车辆和杂物，施划禁停标线。",
    ],
  },
];
