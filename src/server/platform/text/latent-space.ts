/**
 * A small latent semantic space (LSA) learned from the indexed documents themselves: a truncated
 * SVD of their tf-idf word matrix, by randomized subspace iteration (Halko, Martinsson & Tropp).
 * Two words that seldom meet in one text but keep the same company (融资 / 贷款 / 金融服务,
 * 校外培训 / 辅导班) get near vectors, so two proposals on one issue worded differently are near
 * in the space even when they share few index terms.
 *
 * Nothing is downloaded and no weights come from outside: the space is a function of the
 * documents. Its size is bounded whatever the corpus: at most MAX_VOCABULARY words × rank floats,
 * learned from at most MAX_SAMPLE documents.
 *
 * The computation is a generator that yields after each block of STEP_ROWS rows (a millisecond or
 * two of work): the index learns its space in the background (background.ts), between requests.
 * `drain` runs it at once (benchmarks).
 */

/** rows (or columns) of a product or an orthonormalisation done between two yields */
const STEP_ROWS = 256;

/** A computation that yields between small units of work, and returns T. */
export type Steps<T> = Generator<void, T>;

/** Runs a stepwise computation to its end, in one piece. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** A sparse matrix by rows: row r's entries are cols/vals[start[r] .. start[r+1]). */
export interface SparseRows {
  rows: number;
  cols: number;
  start: Int32Array;
  col: Int32Array;
  val: Float32Array;
}

/** Deterministic standard normal numbers (a space learned twice from one corpus is the same space). */
function gaussian(seed: number) {
  let s = seed >>> 0 || 1;
  const uniform = () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Y (rows × k, row-major) = A · X (X: cols × k), into `y`. */
function* times(a: SparseRows, x: Float64Array, k: number, y: Float64Array): Steps<Float64Array> {
  y.fill(0);
  for (let r = 0; r < a.rows; r++) {
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
    const yo = r * k;
    for (let e = a.start[r]; e < a.start[r + 1]; e++) {
      const v = a.val[e];
      const xo = a.col[e] * k;
      for (let j = 0; j < k; j++) y[yo + j] += v * x[xo + j];
    }
  }
  return y;
}

/** Z (cols × k) = Aᵀ · Y (Y: rows × k), into `z`. */
function* timesTransposed(a: SparseRows, y: Float64Array, k: number, z: Float64Array): Steps<Float64Array> {
  z.fill(0);
  for (let r = 0; r < a.rows; r++) {
    if (r % STEP_ROWS === STEP_ROWS - 1) yield;
    const yo = r * k;
    for (let e = a.start[r]; e < a.start[r + 1]; e++) {
      const v = a.val[e];
      const zo = a.col[e] * k;
      for (let j = 0; j < k; j++) z[zo + j] += v * y[yo + j];
    }
  }
  return z;
}

/**
 * Orthonormalises the k columns of an n × k row-major matrix in place: Cholesky QR, twice
 * (CholeskyQR2) — G = MᵀM, M ← M·R⁻¹ with G = RᵀR — which reads the matrix by rows (Gram–Schmidt by
 * columns strides through it and was five times slower). A small ridge keeps G positive when
 * columns are dependent (a tiny corpus).
 */
function* orthonormalize(m: Float64Array, n: number, k: number): Steps<void> {
  const g = new Float64Array(k * k);
  const row = new Float64Array(k);
  for (let pass = 0; pass < 2; pass++) {
    g.fill(0);
    for (let r = 0; r < n; r++) {
      if (r % STEP_ROWS === STEP_ROWS - 1) yield;
      const o = r * k;
      for (let i = 0; i < k; i++) {
        const mi = m[o + i];
        if (mi === 0) continue;
        for (let j = i; j < k; j++) g[i * k + j] += mi * m[o + j];
      }
    }
    let trace = 0;
    for (let i = 0; i < k; i++) trace += g[i * k + i];
    const ridge = 1e-12 * (trace || 1);
    // upper Cholesky factor R (G = RᵀR), in g's upper triangle
    for (let i = 0; i < k; i++) {
      let d = g[i * k + i] + ridge;
      for (let p = 0; p < i; p++) d -= g[p * k + i] ** 2;
      d = Math.sqrt(Math.max(d, ridge));
      g[i * k + i] = d;
      for (let j = i + 1; j < k; j++) {
        let v = g[i * k + j];
        for (let p = 0; p < i; p++) v -= g[p * k + i] * g[p * k + j];
        g[i * k + j] = v / d;
      }
    }
    // each row x ← x R⁻¹ (forward substitution: x_j = (m_j − Σ_{p<j} x_p R_pj) / R_jj)
    for (let r = 0; r < n; r++) {
      if (r % STEP_ROWS === STEP_ROWS - 1) yield;
      const o = r * k;
      for (let j = 0; j < k; j++) {
        let v = m[o + j];
        for (let p = 0; p < j; p++) v -= row[p] * g[p * k + j];
        row[j] = v / g[j * k + j];
      }
      for (let j = 0; j < k; j++) m[o + j] = row[j];
    }
  }
}

/** Eigen-decomposition of a symmetric k × k matrix (cyclic Jacobi): eigenvalues and eigenvectors as columns. */
function* symmetricEigen(s: Float64Array, k: number): Steps<{ values: Float64Array; vectors: Float64Array }> {
  const a = Float64Array.from(s);
  const v = new Float64Array(k * k);
  for (let i = 0; i < k; i++) v[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    yield;
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += a[p * k + q] ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < k; p++)
      for (let q = p + 1; q < k; q++) {
        const apq = a[p * k + q];
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * k + q] - a[p * k + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let r = 0; r < k; r++) {
          const arp = a[r * k + p];
          const arq = a[r * k + q];
          a[r * k + p] = c * arp - sn * arq;
          a[r * k + q] = sn * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = a[p * k + r];
          const aqr = a[q * k + r];
          a[p * k + r] = c * apr - sn * aqr;
          a[q * k + r] = sn * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const vrp = v[r * k + p];
          const vrq = v[r * k + q];
          v[r * k + p] = c * vrp - sn * vrq;
          v[r * k + q] = sn * vrp + c * vrq;
        }
      }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = a[i * k + i];
  return { values, vectors: v };
}

/**
 * The top `rank` right singular vectors of A (cols × rank, row-major): a word's row is its vector.
 * Randomized range finder with `powers` power iterations and 10 oversampling columns.
 */
export function* rightSingularVectors(a: SparseRows, rank: number, powers = 2, seed = 2019): Steps<Float64Array> {
  const k = Math.min(rank + 10, a.rows, a.cols);
  const normal = gaussian(seed);
  // two buffers, reused by every product (a fresh one each time brought the garbage collector on sooner)
  const z = new Float64Array(a.cols * k);
  const y = new Float64Array(a.rows * k);
  // Ω (cols × k) is the first Z
  for (let i = 0; i < z.length; i++) z[i] = normal();
  yield* times(a, z, k, y);
  yield* orthonormalize(y, a.rows, k);
  for (let p = 0; p < powers; p++) {
    yield* timesTransposed(a, y, k, z);
    yield* orthonormalize(z, a.cols, k);
    yield* times(a, z, k, y);
    yield* orthonormalize(y, a.rows, k);
  }
  // B = Qᵀ A (k × cols), kept as its transpose Bt (cols × k)
  const bt = yield* timesTransposed(a, y, k, z);
  // B Bᵀ = Btᵀ Bt (k × k)
  const gram = new Float64Array(k * k);
  for (let c = 0; c < a.cols; c++) {
    if (c % STEP_ROWS === STEP_ROWS - 1) yield;
    const o = c * k;
    for (let i = 0; i < k; i++) {
      const bi = bt[o + i];
      if (bi === 0) continue;
      for (let j = i; j < k; j++) gram[i * k + j] += bi * bt[o + j];
    }
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < i; j++) gram[i * k + j] = gram[j * k + i];
  const { values, vectors } = yield* symmetricEigen(gram, k);
  const order = Array.from(values.keys()).sort((x, z) => values[z] - values[x]);
  const r = Math.min(rank, k);
  // V = Bt · W · Σ⁻¹ (cols × r)
  const out = new Float64Array(a.cols * r);
  for (let j = 0; j < r; j++) {
    const e = order[j];
    const sigma = Math.sqrt(Math.max(values[e], 1e-30));
    for (let c = 0; c < a.cols; c++) {
      if (c % (STEP_ROWS * 16) === STEP_ROWS * 16 - 1) yield;
      let s = 0;
      for (let i = 0; i < k; i++) s += bt[c * k + i] * vectors[i * k + e];
      out[c * r + j] = s / sigma;
    }
  }
  return out;
}
