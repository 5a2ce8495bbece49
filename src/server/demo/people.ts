/**
 * Deterministic demo people: the same seed gives the same roster on every machine, so tests and
 * screenshots can name them. The names are made up from common surnames and given-name characters.
 */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文';
const maleChars = '伟强磊军洋勇杰涛明超辉刚平建国志华文斌鹏宇浩俊峰凯亮林东晨海波荣健毅坤';
const femaleChars = '芳娜敏静丽艳娟霞燕玲婷雪慧莉琳颖倩洁蕾萍红梅兰瑶晶欣怡佳琪';

export function personName(r: () => number, gender: '男' | '女'): string {
  const pick = (s: string) => s[Math.floor(r() * s.length)];
  const chars = gender === '男' ? maleChars : femaleChars;
  return pick(surnames) + pick(chars) + (r() < 0.7 ? pick(chars) : '');
}

export const pickFrom = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

/** Workplaces by sector, so a member of 医药卫生界 works at a hospital, not a tax office. */
export const workplacesBySector: Record<string, [string, string][]> = {
  医药卫生界: [['龙岗区人民医院', '主任医师'], ['龙岗中心医院', '副院长'], ['龙岗区妇幼保健院', '主任医师'], ['龙岗区中医院', '科主任']],
  教育界: [['龙岗区外国语学校', '校长'], ['深圳中学龙岗学校', '副校长'], ['龙城高级中学', '高级教师'], ['香港中文大学（深圳）', '教授']],
  经济界: [['深圳市某科技股份有限公司', '董事长'], ['龙岗区某实业有限公司', '总经理'], ['某银行龙岗支行', '行长'], ['某物流集团', '副总裁']],
  科学技术界: [['某通信技术有限公司', '首席工程师'], ['深圳某研究院', '研究员'], ['某新能源科技公司', '技术总监']],
  文化艺术界: [['龙岗区文化馆', '馆长'], ['某文化传播有限公司', '艺术总监'], ['龙岗区图书馆', '副馆长']],
  社会福利和社会保障界: [['龙岗区社会福利中心', '主任'], ['某社工服务中心', '总干事']],
  农业界: [['某农业科技有限公司', '总经理'], ['龙岗区农业技术推广站', '高级农艺师']],
  新闻出版界: [['龙岗融媒体中心', '副主任'], ['某出版社深圳分社', '编审']],
};
export const defaultWorkplaces: [string, string][] = [['龙岗区某律师事务所', '主任律师'], ['某会计师事务所', '合伙人'], ['龙岗区某社区工作站', '站长'], ['某建设集团', '总工程师']];
