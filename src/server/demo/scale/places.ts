import type { PlannedCommittee } from './plan.js';
import { apportion } from './plan.js';

/**
 * 广东省 and its 21 prefecture-level cities with their county-level districts, cities and counties
 * (public administrative divisions). 东莞 and 中山 have no districts: their towns report to the city.
 */
const cities: [city: string, districts: string[]][] = [
  ['广州市', ['越秀区', '海珠区', '荔湾区', '天河区', '白云区', '黄埔区', '番禺区', '花都区', '南沙区', '从化区', '增城区']],
  ['深圳市', ['福田区', '罗湖区', '南山区', '盐田区', '宝安区', '龙岗区', '龙华区', '坪山区', '光明区']],
  ['珠海市', ['香洲区', '斗门区', '金湾区']],
  ['汕头市', ['金平区', '龙湖区', '濠江区', '潮阳区', '潮南区', '澄海区', '南澳县']],
  ['佛山市', ['禅城区', '南海区', '顺德区', '三水区', '高明区']],
  ['韶关市', ['武江区', '浈江区', '曲江区', '乐昌市', '南雄市', '始兴县', '仁化县', '翁源县', '新丰县', '乳源瑶族自治县']],
  ['河源市', ['源城区', '东源县', '和平县', '龙川县', '紫金县', '连平县']],
  ['梅州市', ['梅江区', '梅县区', '兴宁市', '平远县', '蕉岭县', '大埔县', '丰顺县', '五华县']],
  ['惠州市', ['惠城区', '惠阳区', '惠东县', '博罗县', '龙门县']],
  ['汕尾市', ['城区', '陆丰市', '海丰县', '陆河县']],
  ['东莞市', []],
  ['中山市', []],
  ['江门市', ['蓬江区', '江海区', '新会区', '台山市', '开平市', '鹤山市', '恩平市']],
  ['阳江市', ['江城区', '阳东区', '阳春市', '阳西县']],
  ['湛江市', ['赤坎区', '霞山区', '坡头区', '麻章区', '吴川市', '廉江市', '雷州市', '遂溪县', '徐闻县']],
  ['茂名市', ['茂南区', '电白区', '高州市', '化州市', '信宜市']],
  ['肇庆市', ['端州区', '鼎湖区', '高要区', '四会市', '广宁县', '怀集县', '封开县', '德庆县']],
  ['清远市', ['清城区', '清新区', '英德市', '连州市', '佛冈县', '阳山县', '连山壮族瑶族自治县', '连南瑶族自治县']],
  ['潮州市', ['湘桥区', '潮安区', '饶平县']],
  ['揭阳市', ['榕城区', '揭东区', '普宁市', '揭西县', '惠来县']],
  ['云浮市', ['云城区', '云安区', '罗定市', '新兴县', '郁南县']],
];

/** Members, proposals and reports weigh more at the higher levels: a province ×3, a city ×2, a district ×1. */
const weight = { province: 3, city: 2, district: 1 } as const;

/**
 * `count` committees: the province, then cities, then districts taken in turn from each city so a
 * small plan still has every level. Members, proposals and reports are split by level weight.
 */
export function planCommittees(count: number, totals: { members: number; proposals: number; opinions: number }): PlannedCommittee[] {
  const cityCount = Math.min(cities.length, Math.max(1, Math.round(((count - 1) * cities.length) / 99)));
  const districtCount = count - 1 - cityCount;
  const shape: Omit<PlannedCommittee, 'members' | 'proposals' | 'opinions'>[] = [
    { index: 0, level: 'province', name: '中国人民政治协商会议广东省委员会', shortName: '广东省政协', parent: -1 },
  ];
  cities.slice(0, cityCount).forEach(([city]) => shape.push({ index: shape.length, level: 'city', name: `中国人民政治协商会议${city}委员会`, shortName: `${city}政协`, parent: 0 }));
  const withDistricts = cities.slice(0, cityCount).map(([city, ds], i) => ({ city, ds: [...ds], index: i + 1 })).filter((c) => c.ds.length);
  for (let taken = 0, turn = 0; taken < districtCount && withDistricts.some((c) => c.ds.length); turn++) {
    const c = withDistricts[turn % withDistricts.length];
    const d = c.ds.shift();
    if (!d) continue;
    const short = d === '城区' ? `${c.city}城区` : d;
    shape.push({ index: shape.length, level: 'district', name: `中国人民政治协商会议${c.city}${d}委员会`, shortName: `${short}政协`, parent: c.index });
    taken++;
  }
  const weights = shape.map((c) => weight[c.level]);
  const members = apportion(totals.members, weights);
  const proposals = apportion(totals.proposals, weights);
  const opinions = apportion(totals.opinions, weights);
  return shape.map((c, i) => ({ ...c, members: members[i], proposals: proposals[i], opinions: opinions[i] }));
}

/** The prefix of a level's bodies: 区教育局 / 市教育局 / 省教育厅. */
export function unitNamesFor(level: PlannedCommittee['level'], districtUnits: string[]): string[] {
  const own = districtUnits.filter((u) => u.startsWith('区'));
  if (level === 'district') return own;
  if (level === 'city') return own.map((u) => '市' + u.slice(1));
  return own.map((u) => '省' + u.slice(1).replace(/局$/, '厅'));
}
