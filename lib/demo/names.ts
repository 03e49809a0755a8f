/**
 * Chinese name pools for the fictional district. Every name is invented; where a
 * pattern is borrowed (work-unit dormitories, villages absorbed by the city) it is
 * the pattern, not a real place.
 */
import type { Random } from "./random.ts";

export const DISTRICT_NAME = "临河区";
export const RIVER_NAME = "玉带河";
export const LAKE_NAME = "镜湖";

export const STREET_NAMES = ["滨河街道", "文昌街道", "柳巷街道", "新华街道", "望湖街道"];

export const COMMUNITY_NAMES = [
  "先锋社区",
  "和平社区",
  "文化社区",
  "桥东社区",
  "桥西社区",
  "新民社区",
  "光明社区",
  "建设社区",
  "育才社区",
  "朝阳社区",
  "红旗社区",
  "幸福社区",
  "东风社区",
  "胜利社区",
  "北关社区",
  "南门社区",
  "杏花社区",
  "柳溪社区",
  "锦绣社区",
  "康乐社区",
  "青年社区",
  "永安社区",
];

export const GRID_NAMES = ["第一网格", "第二网格", "第三网格"];

/** North–south arterials, west to east. */
export const NORTH_SOUTH_ARTERIALS = ["西环路", "建设路", "解放路", "新华路", "五一路", "双塔路", "东环路"];
/** East–west arterials, south to north; the two in the middle run along the river. */
export const EAST_WEST_ARTERIALS = ["南环街", "长治街", "学府街", "滨河南路", "滨河北路", "胜利街", "北环街"];
export const MINOR_ROADS = [
  "桃园巷",
  "杏花巷",
  "柳荫巷",
  "槐树巷",
  "青年路",
  "文化巷",
  "育英巷",
  "书院街",
  "宽厚巷",
  "棉花巷",
  "北仓巷",
  "南仓巷",
  "三桥街",
  "后小河街",
  "红旗巷",
];

const MODERN_PREFIXES = [
  "德沁",
  "龙泽",
  "锦绣",
  "翠湖",
  "金域",
  "御景",
  "紫薇",
  "香榭",
  "书香",
  "和煦",
  "汇景",
  "澜庭",
  "云锦",
  "观澜",
  "润泽",
  "嘉禾",
  "博雅",
  "恒信",
  "晋阳",
  "汾景",
  "天玺",
  "秀水",
  "雅颂",
  "泰和",
  "盛世",
  "星河",
  "明珠",
  "丽景",
  "怡和",
  "文华",
  "颐和",
  "春晖",
  "蓝湾",
  "东方",
  "新月",
  "枫林",
  "桂香",
  "水岸",
  "华瑞",
  "鸿运",
];
const MODERN_SUFFIXES = ["苑", "书苑", "花园", "家园", "华庭", "名邸", "雅居", "府", "公馆", "新城", "湾", "郡", "园"];

const OLD_PREFIXES = [
  "机床厂",
  "纺织厂",
  "钢厂",
  "化肥厂",
  "电业局",
  "铁路",
  "粮食局",
  "邮电",
  "建一公司",
  "矿机",
  "制药厂",
  "印刷厂",
  "煤炭设计院",
  "二中",
  "交通局",
  "水利局",
  "棉纺厂",
  "重机",
  "电力修造厂",
  "卫生局",
  "和平",
  "幸福",
  "红旗",
  "东风",
  "五一",
  "建设",
  "光明",
  "解放",
  "团结",
  "前进",
  "胜利",
  "工人",
];
const OLD_SUFFIXES = ["宿舍", "家属院", "新村", "里", "小区", "里小区"];

const VILLAGES = [
  "杨家堡",
  "王家峰",
  "后北屯",
  "南寨",
  "北营",
  "西岗",
  "东庄",
  "许坦",
  "郝庄",
  "黄陵",
  "大马",
  "小王",
  "陈家庄",
  "刘家堡",
  "东岗",
  "沙沟",
  "河湾",
  "前进村",
  "柳林",
  "马庄",
];
const RESETTLEMENT_SUFFIXES = ["安置小区", "佳园", "新苑", "安居苑", "和园", "新村"];

export type CompoundType = "old" | "modern" | "resettlement";

interface NamePattern {
  prefixes: readonly string[];
  suffixes: readonly string[];
  aliases: (prefix: string, name: string) => string[];
}

const PATTERNS: Record<CompoundType, NamePattern> = {
  old: {
    prefixes: OLD_PREFIXES,
    suffixes: OLD_SUFFIXES,
    aliases: (prefix, name) => [`${prefix}家属区`, `${prefix}生活区`].filter((a) => a !== name),
  },
  modern: {
    prefixes: MODERN_PREFIXES,
    suffixes: MODERN_SUFFIXES,
    aliases: (_prefix, name) => [`${name}小区`, `${name}一期`],
  },
  resettlement: {
    prefixes: VILLAGES,
    suffixes: RESETTLEMENT_SUFFIXES,
    aliases: (prefix) => [`${prefix}回迁楼`, `${prefix}村改小区`],
  },
};

/** Unique compound names (and sometimes aliases) in the style of their era. */
export function compoundNamer(random: Random) {
  const used = new Set<string>();
  return (type: CompoundType): { name: string; aliases: string | null } => {
    const pattern = PATTERNS[type];
    for (;;) {
      const prefix = random.pick(pattern.prefixes);
      const name = prefix + random.pick(pattern.suffixes);
      if (used.has(name)) continue;
      used.add(name);
      const aliases = random.chance(0.3) ? pattern.aliases(prefix, name).slice(0, random.int(1, 2)).join("|") : null;
      return { name, aliases };
    }
  };
}

const SURNAMES = [
  ..."王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟段雷钱汤尹常武乔贺",
];
const GIVEN = [..."华明英芳军平霞伟丽强红梅兰杰敏静涛鹏玲斌秀凤建国"];

/** Fake reporter names, already masked the way case systems print them (王先生, 李*华). */
export function reporterNamePool(random: Random, size: number): string[] {
  return Array.from({ length: size }, () => {
    const surname = random.pick(SURNAMES);
    const style = random();
    if (style < 0.35) return `${surname}先生`;
    if (style < 0.7) return `${surname}女士`;
    return `${surname}*${random.pick(GIVEN)}`;
  });
}

export const branchGroupName = (buildingNames: string[]) =>
  `${buildingNames.map((n) => n.replace("栋", "")).join("、")}栋党小组`;
