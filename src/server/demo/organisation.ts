/**
 * The demo committee's organisation, from real public names (../shared/data): the district's
 * sectors and special committees follow real district committees; the 54 handling units are
 * Shenzhen Longgang's own list; the streets are Longgang's eleven streets.
 */
export const demoSectors = [
  '中国共产党', '中国国民党革命委员会', '中国民主同盟', '中国民主建国会', '中国民主促进会', '中国农工民主党',
  '中国致公党', '九三学社', '无党派人士', '中国共产主义青年团和中华全国青年联合会', '中华全国总工会',
  '中华全国妇女联合会', '中华全国工商业联合会', '中国科学技术协会', '经济界', '农业界', '教育界',
  '科学技术界', '医药卫生界', '文化艺术界', '体育界', '新闻出版界', '社会福利和社会保障界',
  '少数民族界', '宗教界', '环境资源界', '特别邀请人士',
];

/** 广州市南沙区政协第三届的七个专委会 (a real district's list). */
export const demoSpecialCommittees = [
  '提案委员会', '经济委员会', '城建资源环境委员会', '教科文卫体委员会', '社会法制民族宗教委员会', '港澳台侨外事委员会', '学习和文史资料委员会',
];

export const demoParties: [string, string][] = [
  ['中国共产党', 'cpc'], ['中国国民党革命委员会', 'party'], ['中国民主同盟', 'party'], ['中国民主建国会', 'party'],
  ['中国民主促进会', 'party'], ['中国农工民主党', 'party'], ['中国致公党', 'party'], ['九三学社', 'party'],
  ['无党派人士', 'nonparty'], ['区总工会', 'group'], ['团区委', 'group'], ['区妇联', 'group'], ['区工商联', 'group'], ['区科协', 'group'],
];

export const demoStreets = ['平湖街道', '布吉街道', '坂田街道', '南湾街道', '横岗街道', '龙城街道', '龙岗街道', '坪地街道', '吉华街道', '宝龙街道', '园山街道'];

export const demoStudios: [string, string][] = [
  ['龙城街道委员工作室', 'regional'], ['坂田街道委员工作室', 'regional'], ['布吉街道“有事好商量”委员工作室', 'regional'],
  ['医药卫生界委员工作室', 'sector'], ['教育界委员工作室', 'sector'], ['经济界委员工作室', 'sector'],
  ['民盟委员工作室', 'party'], ['九三学社委员工作室', 'party'],
];

/** 深圳市龙岗区 — 54 handling units (district_handling_units_candidates.txt, list B). */
export const demoUnits = [
  '区住房建设局', '市市场监督管理局龙岗监管局', '市交通运输局龙岗管理局', '区人力资源局', '龙岗公安分局', '龙岗区消防救援大队', '区消委会',
  '市生态环境局龙岗管理局', '区妇联', '区教育局', '区水务局', '区建筑工务署', '龙岗区卫生健康局', '区轨道办', '区城市管理和综合执法局',
  '市规划和自然资源局龙岗管理局', '区文化广电旅游体育局', '区城市更新和土地整备局', '区规划土地监察局', '龙岗社保分局', '龙岗供电局', '区国资局',
  '区工业和信息化局', '区委宣传部', '区民政局', '龙岗交警大队', '区委政法委', '区残联', '龙岗邮政分局', '龙岗区税务局', '区投资控股集团有限公司',
  '区重点区域署', '区委统战部', '区法院', '区科技创新局', '市医疗保障局龙岗分局', '区委组织部', '区政务服务数据管理局', '团区委', '区财政局',
  '区发展改革局', '区统计局', '电信龙岗分公司', '区应急管理局', '区司法局', '区信访局', '区投资推广和企业服务中心', '区产业投资服务集团有限公司',
  '区城市建设投资集团有限公司', '区检察院', '区总工会', '区机关事务管理局', '区退役军人事务局', '区委党校', '龙岗区智慧城区运行中心',
];

export function unitKind(name: string): string {
  if (name.startsWith('区委')) return 'party';
  if (/妇联|团区委|总工会|残联|工商联|科协|消委会/.test(name)) return 'people';
  if (/街道/.test(name)) return 'street';
  if (/公司|集团|供电局|邮政/.test(name)) return 'other';
  return 'government';
}
