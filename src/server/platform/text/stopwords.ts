/**
 * Words every proposal shares (关于…的建议, 加强, 推进, 我省…) and function words. They are dropped
 * before indexing; what remains is weighted by BM25, which down-weights the rest of the common
 * vocabulary by itself. Kept short on purpose: IDF does most of the work.
 */
export const stopwords = new Set(
  `关于 的 建议 提案 意见 几点 对策 措施 加强 推进 推动 加快 进一步 完善 提升 提高 促进 做好 切实 大力 积极 着力 全面 深入 不断 持续 努力
  我省 我市 我区 我县 全省 全市 全区 省 市 区 县 江苏 江苏省 深圳 龙岗 政府 相关 部门 有关 工作 问题 情况 分析 方面 目前 当前 近年来 一是 二是 三是 四是 五是 六是
  以及 并且 而且 但是 因此 所以 如果 虽然 由于 通过 对于 按照 根据 进行 开展 实施 建立 健全 构建 形成 实现 发挥 作用 能力 水平 机制 体系 建设 发展 管理 服务
  需要 存在 没有 可以 能够 应该 应当 必须 已经 正在 一些 一个 各类 各级 各地 其中 同时 此外 另外 主要 重要 重点 有效 进行 及 与 和 或 等 为 在 是 了 将 对 从 向 把 被 让 由 以 于 中 上 下 内 外 也 都 还 又 就 但 并 而 其 之 这 那 这些 那些 我们 他们 你们 它们 本 该 各 每 所 者`.split(/\s+/),
);
