import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBackgroundSliceMs } from './background.js';
import { defaultIndexOptions, SimilarityIndex } from './similarity-index.js';
import { termCounts } from './analyzer.js';

const docs: Record<string, [string, string]> = {
  g1: ['关于加强生活垃圾分类工作的建议', '生活垃圾分类投放准确率不高，分类收运设施不完善，建议完善垃圾分类收运体系。'],
  g2: ['关于推进生活垃圾分类减量化的建议', '垃圾分类收运衔接不畅，建议推行垃圾分类积分激励。'],
  e1: ['关于发展社区居家养老服务的建议', '居家养老服务供给不足，建议建设社区养老服务中心。'],
  t1: ['关于规范中小学课外辅导班的提案', '课外辅导班收费高、质量参差不齐，加重学生课业负担。'],
};

function build() {
  const idx = new SimilarityIndex();
  for (const [k, [t, b]] of Object.entries(docs)) idx.add(k, t, b);
  return idx;
}

describe('segmentation', () => {
  it('keeps CPPCC terms whole and drops the boilerplate every proposal shares', () => {
    const words = [...termCounts('关于进一步加强社区居家养老和大运河文化带建设的建议').keys()];
    expect(words).toEqual(expect.arrayContaining(['居家养老', '大运河文化带']));
    for (const w of ['关于', '进一步', '加强', '建议', '的']) expect(words).not.toContain(w);
  });
});

describe('similarity index', () => {
  it('ranks the same issue first and scores within 0..1', () => {
    const hits = build().search('生活垃圾分类收运', 3);
    expect(hits.slice(0, 2).map((h) => h.key).sort()).toEqual(['g1', 'g2']);
    for (const h of hits) expect(h.score).toBeGreaterThan(0), expect(h.score).toBeLessThanOrEqual(1);
  });

  it('a document scores itself highest', () => {
    const idx = build();
    expect(idx.search(docs.e1.join('\n'), 1)[0].key).toBe('e1');
  });

  it('stays consistent after replacing and removing documents many times', () => {
    const idx = build();
    for (let i = 0; i < 3000; i++) idx.add('g2', docs.g2[0], docs.g2[1] + i);
    idx.remove('g1');
    const hits = idx.search('生活垃圾分类收运', 5);
    expect(hits.map((h) => h.key)).toEqual(['g2']);
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].score).toBeLessThanOrEqual(1);
    expect(idx.size).toBe(3);
  });

  it('filters by tag and leaves out the excluded document', () => {
    const idx = new SimilarityIndex();
    idx.add('a', ...docs.g1, 1);
    idx.add('b', ...docs.g2, 2);
    expect(idx.search('垃圾分类', 5, (tag) => tag === 1).map((h) => h.key)).toEqual(['a']);
    expect(idx.search('垃圾分类', 5, undefined, 'a').map((h) => h.key)).toEqual(['b']);
  });

  it('returns nothing for a text with only boilerplate', () => {
    expect(build().search('关于进一步加强的建议', 5)).toEqual([]);
  });
});

/** BM25 alone: the pruning tests are about its exact top k (the latent re-ranking of its candidates comes after) */
const bm25 = { ...defaultIndexOptions, latentWeight: 0 };

describe('pruned search', () => {
  // a seeded corpus of 10,000 documents (three windows of 4,096) from 60 real topic words, some common and some rare
  const words = ('垃圾分类 居家养老 老旧小区 加装电梯 中小学 课外辅导 停车难 公交线网 河道治理 黑臭水体 社区医院 家庭医生 ' +
    '营商环境 中小企业 融资难 人才公寓 职业教育 产教融合 乡村振兴 农村电商 文化遗产 非遗传承 全民健身 体育场馆 ' +
    '食品安全 农贸市场 消防安全 城中村 燃气管道 雨污分流 海绵城市 智慧交通 电动自行车 充电设施 托育服务 婴幼儿 ' +
    '残疾人 无障碍 退役军人 就业创业 高校毕业生 灵活就业 社会保险 医疗保障 药品集采 公共卫生 疾病预防 心理健康 ' +
    '网络安全 数据共享 政务服务 一网通办 基层治理 网格化 志愿服务 慈善事业 生态保护 碳达峰').split(' ');
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  // skewed picks: low indexes are common words, high indexes rare ones
  const pick = () => words[Math.floor(words.length * random() ** 2)];
  const idx = new SimilarityIndex(bm25);
  for (let i = 0; i < 10_000; i++) {
    const title = `关于${pick()}和${pick()}的建议`;
    const body = Array.from({ length: 12 }, () => `${pick()}问题突出`).join('，');
    idx.add(`d${i}`, title, body, i % 3);
  }

  it('returns exactly the top k an exhaustive search finds, with the same scores', () => {
    for (let q = 0; q < 60; q++) {
      const text = Array.from({ length: 2 + (q % 6) }, pick).join('、');
      const accept = (tag: number) => q % 2 === 0 || tag !== 1;
      const exhaustive = idx.search(text, 100_000, accept, 'd5');
      for (const k of [1, 5, 10]) {
        const pruned = idx.search(text, k, accept, 'd5');
        expect(pruned.map((h) => h.score)).toEqual(exhaustive.slice(0, k).map((h) => h.score));
        // among equal scores the order is by insertion, so the keys match too
        expect(pruned.map((h) => h.key)).toEqual(exhaustive.slice(0, k).map((h) => h.key));
      }
    }
  });

  it('keeps scanning while documents without the rarest word can still win', () => {
    // after the rarest word's list, one document already beats anything the common words could add,
    // but the second place is still open to documents that have only the common words
    // the options this case was built for: the rare word's title weight decides the first place
    const small = new SimilarityIndex({ ...bm25, titleWeight: 4, k1: 1.2, titleFieldWeight: 0, phrases: false, partsFrom: 0 });
    small.add('strong', '关于碳达峰的建议', '碳达峰，碳达峰');
    small.add('weak', '关于城市规划的建议', ['碳达峰目标', ...words.slice(40, 59)].join('，'));
    for (let i = 0; i < 30; i++) small.add(`both${i}`, '关于垃圾分类和居家养老的建议', '垃圾分类，居家养老');
    for (let i = 0; i < 170; i++) small.add(`other${i}`, `关于${words[20 + (i % 20)]}的建议`, `${words[20 + ((i + 7) % 20)]}相关情况`);
    const hits = small.search('碳达峰、垃圾分类、居家养老', 2);
    expect(hits.map((h) => h.key)).toEqual(['strong', 'both0']);
    expect(hits).toEqual(small.search('碳达峰、垃圾分类、居家养老', 1000).slice(0, 2));
  });
});

describe('pruned search, property', () => {
  // words jieba keeps whole, so a document is exactly the words it is written from
  const vocabulary = ['垃圾分类', '居家养老', '电梯', '停车', '公交', '河道', '医院', '医生', '企业', '人才', '教育', '乡村', '文化', '体育', '食品', '消防', '燃气', '交通', '就业', '保险'];
  const word = fc.integer({ min: 0, max: vocabulary.length - 1 }).map((i) => vocabulary[i]);
  // skewed: some words in most documents, some in few
  const skewed = fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }).map((i) => vocabulary[i]), weight: 3 }, { arbitrary: word, weight: 2 });
  const doc = fc.record({ title: fc.array(skewed, { minLength: 1, maxLength: 3 }), body: fc.array(skewed, { minLength: 0, maxLength: 12 }), tag: fc.integer({ min: 0, max: 3 }) });
  const corpus = fc.record({
    docs: fc.array(doc, { minLength: 1, maxLength: 120 }),
    removed: fc.array(fc.nat(), { maxLength: 20 }),
    query: fc.array(word, { minLength: 1, maxLength: 8 }),
    k: fc.integer({ min: 1, max: 12 }),
    refused: fc.integer({ min: 0, max: 4 }),
    exclude: fc.nat(),
  });

  it('returns the same top k, with the same scores, as scoring every document', () => {
    let pruned = 0;
    fc.assert(
      fc.property(corpus, ({ docs, removed, query, k, refused, exclude }) => {
        const idx = new SimilarityIndex(bm25);
        docs.forEach((d, i) => idx.add(`d${i}`, `关于${d.title.join('和')}的建议`, d.body.join('，'), d.tag));
        for (const r of removed) idx.remove(`d${r % docs.length}`);
        // tombstoned documents are replaced too: their postings stay until compaction
        for (const r of removed.slice(0, 3)) idx.add(`d${r % docs.length}`, `关于${docs[0].title.join('和')}的建议`, docs[0].body.join('，'), docs[0].tag);
        const accept = (tag: number) => tag !== refused;
        const text = query.join('、');
        const skip = `d${exclude % docs.length}`;
        const before = idx.prunedSearches;
        const top = idx.search(text, k, accept, skip);
        pruned += idx.prunedSearches - before;
        const all = idx.search(text, 1_000_000, accept, skip);
        expect(top).toEqual(all.slice(0, k));
        expect(all.map((h) => h.key)).not.toContain(skip);
        for (const h of all) expect(h.score).toBeGreaterThan(0), expect(h.score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300, seed: 4 },
    );
    // the property is only worth something if pruning actually happened
    expect(pruned).toBeGreaterThan(20);
  });
});

describe('analyzer', () => {
  it('maps near-synonyms of the field to one word, at index and query time', () => {
    const idx = new SimilarityIndex();
    idx.add('rural', '关于提高农村养老服务水平的建议', '农村老年人养老服务供给不足。');
    idx.add('other', '关于加强城市停车管理的建议', '城市停车难。');
    expect(idx.search('乡村养老', 2).map((h) => h.key)).toEqual(['rural']);
    expect([...termCounts('中小学生课业负担').keys()]).toContain('中小学');
    expect([...termCounts('义务教育阶段').keys()]).toContain('中小学');
  });

  it('makes phrases of adjacent words, across stopwords but not across punctuation', () => {
    const terms = [...termCounts('农村的养老，服务').keys()];
    expect(terms).toContain('乡村 养老');
    expect(terms).not.toContain('养老 养老服务');
    expect(terms.filter((t) => t.includes(' '))).toHaveLength(1);
  });

  it('ranks a document whose title matches the query title first (the title field)', () => {
    const idx = new SimilarityIndex();
    idx.add('same-title', '加强科技创新推动制造业转型升级', '中美贸易摩擦中的通信企业。');
    idx.add('body-only', '关于发展数字经济的建议', '科技创新推动制造业转型升级，科技创新，制造业。');
    expect(idx.search({ title: '加强科技创新，推动制造业转型升级', body: '江苏制造业核心竞争力不强。' }, 1)[0].key).toBe('same-title');
  });
});

/** Six topics of three words each (words jieba keeps whole), for the latent space's tests. */
const TOPICS = [
  ['垃圾分类', '河道', '燃气'],
  ['居家养老', '医院', '医生'],
  ['电梯', '停车', '公交'],
  ['企业', '人才', '就业'],
  ['教育', '体育', '文化'],
  ['食品', '消防', '保险'],
];

describe('latent re-ranking', () => {
  // each document names two words of its topic
  const options = { ...defaultIndexOptions, latentRank: 6 };
  function corpus() {
    const idx = new SimilarityIndex(options);
    for (let i = 0; i < 180; i++) {
      const t = TOPICS[i % TOPICS.length];
      // the topic's first word with its second or its third: those two never meet in one document
      const [a, b] = [t[0], t[1 + (Math.floor(i / 6) % 2)]];
      idx.add(`d${i}`, `关于${b}的建议`, `${a}问题，${b}问题。`);
    }
    idx.add('only-a', '关于医院的建议', '医院问题。');
    idx.add('only-b', '关于医生的建议', '医生问题。');
    idx.add('other', '关于停车的建议', '停车问题。');
    return idx;
  }

  it('learns from the documents which words keep the same company', async () => {
    const idx = corpus();
    await idx.settled();
    const cos = (x: string, y: string) => {
      const [a, b] = [idx.latentVectorOf(x)!, idx.latentVectorOf(y)!];
      return a.reduce((s, v, j) => s + v * b[j], 0);
    };
    // 医院 and 医生 never share a document here, but share their topic's third word
    expect(cos('only-a', 'only-b')).toBeGreaterThan(0.8);
    expect(cos('only-a', 'other')).toBeLessThan(0.2);
  });

  it('re-ranks only BM25 candidates: a smaller limit is a prefix of the candidates re-ranked, scores within 0..1', async () => {
    const idx = corpus();
    await idx.settled();
    const all = idx.search('医院和医生问题', options.latentCandidates);
    for (const k of [1, 3, 10]) expect(idx.search('医院和医生问题', k)).toEqual(all.slice(0, k));
    expect(all.every((h) => h.reranked)).toBe(true);
    for (const h of all) expect(h.score).toBeGreaterThan(0), expect(h.score).toBeLessThanOrEqual(1);
  });

  it('learns the space again once as many documents have come since: a new issue’s words enter it', async () => {
    const idx = corpus();
    await idx.settled();
    const fresh = ['网络安全', '数据共享', '政务服务', '一网通办', '基层治理', '网格化', '志愿服务', '慈善事业'];
    for (let i = 0; i < 200; i++) idx.add(`n${i}`, `关于${fresh[i % 8]}的建议`, `${fresh[(i + 1) % 8]}问题。`);
    // folded in as it came, from words the space did not know
    expect(idx.latentVectorOf('n0')!.every((x) => x === 0)).toBe(true);
    await idx.settled();
    expect(idx.latentVectorOf('n0')!.some((x) => x !== 0)).toBe(true);
  });

  it('learns nothing from too few documents, where BM25 alone ranks', async () => {
    const idx = build();
    expect(idx.search('生活垃圾分类收运', 3).length).toBeGreaterThan(0);
    await idx.settled();
    expect(idx.learningLatentSpace).toBe(false);
    expect(idx.latentVectorOf('g1')).toBeUndefined();
  });
});

describe('latent learning in the background', () => {
  const topics = TOPICS.slice(0, 4);
  const options = { ...defaultIndexOptions, latentRank: 4 };
  function corpus(from = 0, count = 160) {
    const idx = new SimilarityIndex(options);
    addTopics(idx, from, count);
    return idx;
  }
  function addTopics(idx: SimilarityIndex, from: number, count: number) {
    for (let i = from; i < from + count; i++) {
      const t = topics[i % 4];
      idx.add(`d${i}`, `关于${t[1 + (Math.floor(i / 4) % 2)]}的建议`, `${t[0]}问题，${t[1 + (Math.floor(i / 4) % 2)]}问题。`);
    }
  }
  let slice: number;
  // one unit of work a slice: the learning spans many turns of the event loop
  beforeAll(() => void (slice = setBackgroundSliceMs(0)));
  afterAll(() => void setBackgroundSliceMs(slice));
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('a search while the first space is being learned answers at once, by BM25 alone', async () => {
    const idx = corpus();
    let learned = false;
    const settled = idx.settled().then(() => (learned = true));
    expect(idx.learningLatentSpace).toBe(true);
    // the event loop turns while the space is learned: other work runs in between
    await turn();
    await turn();
    expect(learned).toBe(false);
    const hits = idx.search('医院和医生问题', 5);
    expect(learned).toBe(false);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.reranked)).toBe(false);
    // the answer is BM25's own, the same as an index that never learns gives
    const bm25 = new SimilarityIndex({ ...options, latentWeight: 0 });
    addTopics(bm25, 0, 160);
    expect(hits).toEqual(bm25.search('医院和医生问题', 5));
    await settled;
    expect(idx.learningLatentSpace).toBe(false);
    expect(idx.search('医院和医生问题', 5).every((h) => h.reranked)).toBe(true);
  });

  it('a search while a space is relearned answers at once from the last one; documents added meanwhile get vectors in the new one', async () => {
    // enough postings that each part of the learning (the fold-in of the documents too) takes several units
    const word = (t: number, j: number) => String.fromCharCode(97 + t, 97 + (j % 26), 97 + Math.floor(j / 26));
    // document i: 20 of its topic's 40 words; d<i> and d<i + 40> have the same text
    const add = (idx: SimilarityIndex, i: number) => {
      const words = Array.from({ length: 20 }, (_, m) => word(i % 8, (i * 7 + m * 3) % 40));
      idx.add(`d${i}`, words.slice(0, 2).join(' '), words.join(' '));
    };
    const idx = new SimilarityIndex(options);
    for (let i = 0; i < 3000; i++) add(idx, i);
    await idx.settled();
    for (let i = 3000; i < 6000; i++) add(idx, i);
    const query = `${word(1, 0)} ${word(1, 3)} ${word(1, 6)}`;
    expect(idx.search(query, 5).every((h) => h.reranked)).toBe(true);
    expect(idx.learningLatentSpace).toBe(true);
    let learned = false;
    const settled = idx.settled().then(() => (learned = true));
    // a document added at each turn of the event loop while it learns, a search answered from the last space at each
    let next = 6000;
    while (!learned) {
      add(idx, next++);
      expect(idx.search(query, 5).every((h) => h.reranked)).toBe(true);
      await turn();
    }
    await settled;
    expect(next).toBeGreaterThan(6030);
    // each has an earlier one's text: the same vector in the new space (left in the last space's coordinates, or never folded, it would not be)
    const cos = (x: Float32Array, y: Float32Array) => x.reduce((s, v, j) => s + v * y[j], 0);
    for (let i = 6000; i < next; i++) expect(cos(idx.latentVectorOf(`d${i}`)!, idx.latentVectorOf(`d${i % 40}`)!)).toBeGreaterThan(0.99);
  });

  it('a stopped learning serves nothing new and does not start again by itself', async () => {
    const idx = corpus();
    idx.learnWhenDue();
    await turn();
    idx.stopLearning();
    await turn();
    await turn();
    expect(idx.learningLatentSpace).toBe(false);
    expect(idx.latentVectorOf('d0')).toBeUndefined();
  });

  it('learns a space equal to the one learned in one piece, whatever the slices', async () => {
    const [a, b] = [corpus(), corpus()];
    a.learnLatentSpace();
    await b.settled();
    for (const key of ['d0', 'd77', 'd159']) expect(b.latentVectorOf(key)).toEqual(a.latentVectorOf(key));
  });
});
