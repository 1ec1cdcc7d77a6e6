/**
 * Aho–Corasick automaton stored as a double array over typed arrays.
 *
 * Works on UTF-16 code units (a surrogate pair is two symbols, which keeps matching exact and
 * lets callers convert offsets to code points once, only for the matches they report).
 * Symbols are renumbered by frequency in the keyword set so the most common characters get
 * small codes; characters absent from every keyword map to 0 and reset the automaton at once.
 */

const FREE = -1;

/** Matches collected by a scan: parallel arrays of `count` items, UTF-16 offsets. */
export interface MatchList {
  count: number;
  /** Start offset (inclusive). */
  starts: Int32Array;
  /** End offset (exclusive). */
  ends: Int32Array;
  /** Index into the keyword array given to the constructor. */
  ids: Int32Array;
}

const EMPTY = new Int32Array(0);

export class DoubleArrayMatcher {
  private readonly charMap: Uint16Array;
  // The double array while it is built; `cells` holds base, check, fail and emit afterwards.
  private base: Int32Array;
  private check: Int32Array;
  private fail: Int32Array;
  /** First state on the failure chain (including the state itself) that ends a keyword, or 0. */
  private emit: Int32Array;
  /** What a scan reads (see `pack`). */
  private readonly cells: Int32Array;
  /** Keyword id ending at a state, or -1. */
  private keyword: Int32Array;
  private readonly keywordLengths: Int32Array;
  readonly size: number;

  constructor(keywords: readonly string[]) {
    this.keywordLengths = new Int32Array(keywords.length);
    this.charMap = buildCharMap(keywords);
    const unique = dedupe(keywords);
    const capacity = Math.max(1024, totalLength(unique.map((i) => keywords[i] ?? '')) * 2 + 70000);
    this.base = new Int32Array(capacity);
    this.check = new Int32Array(capacity).fill(FREE);
    this.keyword = new Int32Array(capacity).fill(-1);
    this.fail = new Int32Array(0);
    this.emit = new Int32Array(0);
    for (let i = 0; i < keywords.length; i++) this.keywordLengths[i] = (keywords[i] ?? '').length;
    const order = this.build(keywords, unique);
    this.size = order.length;
    this.buildFailure(order);
    this.cells = pack(this.base, this.check, this.fail, this.emit);
    this.base = this.check = this.fail = this.emit = EMPTY;
  }

  /** Bytes held by the automaton's typed arrays. */
  get byteLength(): number {
    return (
      this.charMap.byteLength +
      this.cells.byteLength +
      this.keyword.byteLength +
      this.keywordLengths.byteLength
    );
  }

  // Free slots form a doubly linked list so the base search skips occupied cells.
  private nextFree = new Int32Array(0);
  private prevFree = new Int32Array(0);
  private freeHead = -1;
  private freeTail = -1;

  private initFreeList(): void {
    const n = this.base.length;
    this.nextFree = new Int32Array(n);
    this.prevFree = new Int32Array(n);
    for (let i = 1; i < n; i++) {
      this.nextFree[i] = i + 1 < n ? i + 1 : -1;
      this.prevFree[i] = i - 1 >= 1 ? i - 1 : -1;
    }
    this.freeHead = 1;
    this.freeTail = n - 1;
  }

  private grow(min: number): void {
    const old = this.base.length;
    let n = old;
    while (n <= min) n *= 2;
    const base = new Int32Array(n);
    base.set(this.base);
    const check = new Int32Array(n).fill(FREE);
    check.set(this.check);
    const keyword = new Int32Array(n).fill(-1);
    keyword.set(this.keyword);
    const nextFree = new Int32Array(n);
    nextFree.set(this.nextFree);
    const prevFree = new Int32Array(n);
    prevFree.set(this.prevFree);
    for (let i = old; i < n; i++) {
      nextFree[i] = i + 1 < n ? i + 1 : -1;
      prevFree[i] = i - 1;
    }
    prevFree[old] = this.freeTail;
    if (this.freeTail >= 0) nextFree[this.freeTail] = old;
    else this.freeHead = old;
    this.freeTail = n - 1;
    this.base = base;
    this.check = check;
    this.keyword = keyword;
    this.nextFree = nextFree;
    this.prevFree = prevFree;
  }

  private occupy(t: number): void {
    const p = this.prevFree[t] as number;
    const q = this.nextFree[t] as number;
    if (p >= 0) this.nextFree[p] = q;
    else this.freeHead = q;
    if (q >= 0) this.prevFree[q] = p;
    else this.freeTail = p;
  }

  /** Builds the trie breadth-first from the sorted keywords; returns states in BFS order. */
  private build(keywords: readonly string[], sorted: number[]): Int32Array {
    const map = this.charMap;
    // Queue of (state, lo, hi, depth) over `sorted`.
    let qState = new Int32Array(1024);
    let qLo = new Int32Array(1024);
    let qHi = new Int32Array(1024);
    let qDepth = new Int32Array(1024);
    let tail = 0;
    const push = (s: number, lo: number, hi: number, d: number): void => {
      if (tail === qState.length) {
        const n = tail * 2;
        qState = resize(qState, n);
        qLo = resize(qLo, n);
        qHi = resize(qHi, n);
        qDepth = resize(qDepth, n);
      }
      qState[tail] = s;
      qLo[tail] = lo;
      qHi[tail] = hi;
      qDepth[tail] = d;
      tail++;
    };
    this.check[0] = -2;
    this.initFreeList();
    let searchFrom = 1;
    push(0, 0, sorted.length, 0);
    const codes: number[] = [];
    const los: number[] = [];
    for (let head = 0; head < tail; head++) {
      const s = qState[head] as number;
      let lo = qLo[head] as number;
      const hi = qHi[head] as number;
      const d = qDepth[head] as number;
      codes.length = 0;
      los.length = 0;
      // Keywords that end here sort first within the range.
      while (lo < hi) {
        const id = sorted[lo] as number;
        if ((keywords[id] as string).length !== d) break;
        this.keyword[s] = id;
        lo++;
      }
      let prev = -1;
      for (let i = lo; i < hi; i++) {
        const c = map[(keywords[sorted[i] as number] as string).charCodeAt(d)] as number;
        if (c !== prev) {
          codes.push(c);
          los.push(i);
          prev = c;
        }
      }
      if (codes.length === 0) continue;
      // Find a base where every child slot is free, walking the free list.
      const first = codes[0] as number;
      const last = codes[codes.length - 1] as number;
      let maxCode = first;
      for (const c of codes) if (c > maxCode) maxCode = c;
      // Single-child nodes take the first free cell; wider nodes start past crowded regions.
      let pos = codes.length === 1 ? this.freeHead : searchFrom;
      while (pos >= 0 && this.check[pos] !== FREE) pos = this.nextFree[pos] as number;
      if (pos < 0) pos = this.freeHead;
      let b = 0;
      let tries = 0;
      for (;;) {
        tries++;
        if (pos < 0) {
          this.grow(this.base.length + 1);
          pos = this.freeHead;
          continue;
        }
        b = pos - first;
        if (b < 1) {
          pos = this.nextFree[pos] as number;
          continue;
        }
        if (b + maxCode >= this.check.length) this.grow(b + maxCode + 1);
        let ok = this.check[b + last] === FREE;
        for (let k = 1; ok && k < codes.length - 1; k++) {
          if (this.check[b + (codes[k] as number)] !== FREE) ok = false;
        }
        if (ok) break;
        pos = this.nextFree[pos] as number;
      }
      if (codes.length > 1 && tries > 16) searchFrom = pos;
      this.base[s] = b;
      for (let k = 0; k < codes.length; k++) {
        const t = b + (codes[k] as number);
        this.check[t] = s;
        this.occupy(t);
      }
      for (let k = 0; k < codes.length; k++) {
        const t = b + (codes[k] as number);
        push(t, los[k] as number, k + 1 < los.length ? (los[k + 1] as number) : hi, d + 1);
      }
    }
    // Leaves have base 0, so any symbol must stay in range: keep 65536 cells of slack.
    let maxBase = 0;
    for (let k = 0; k < tail; k++) {
      const b = this.base[qState[k] as number] as number;
      if (b > maxBase) maxBase = b;
    }
    if (maxBase + 65536 >= this.check.length) this.grow(maxBase + 65536);
    this.nextFree = new Int32Array(0);
    this.prevFree = new Int32Array(0);
    return qState.subarray(0, tail);
  }

  private buildFailure(order: Int32Array): void {
    const n = this.check.length;
    this.fail = new Int32Array(n);
    this.emit = new Int32Array(n);
    const { base, check, fail, keyword, emit } = this;
    for (let k = 1; k < order.length; k++) {
      const t = order[k] as number;
      const p = check[t] as number;
      const c = t - (base[p] as number);
      let f = 0;
      if (p !== 0) {
        let g = fail[p] as number;
        for (;;) {
          const u = (base[g] as number) + c;
          if (u < n && check[u] === g) {
            f = u;
            break;
          }
          if (g === 0) break;
          g = fail[g] as number;
        }
      }
      fail[t] = f;
      emit[t] = (keyword[t] as number) >= 0 ? t : (emit[f] as number);
    }
  }

  /**
   * Finds every occurrence of every keyword (overlaps included), in order of end offset.
   * With `into`, its arrays are reused (and grown) for the result, which is `into` itself.
   * With `limit`, only keywords with an id below it are reported.
   */
  scan(text: string, into?: MatchList, limit = Infinity): MatchList {
    const { charMap, cells, keyword, keywordLengths } = this;
    // Start near one match per 64 characters to avoid most regrowth on large inputs.
    let cap = Math.max(256, text.length >> 6);
    const reuse = into !== undefined && into.starts.length >= cap;
    if (reuse) cap = Math.min(into.starts.length, into.ends.length, into.ids.length);
    let starts = reuse ? into.starts : new Int32Array(cap);
    let ends = reuse ? into.ends : new Int32Array(cap);
    let ids = reuse ? into.ids : new Int32Array(cap);
    let count = 0;
    let s = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = charMap[text.charCodeAt(i)] as number;
      if (c === 0) {
        s = 0;
        continue;
      }
      const c4 = c << 2;
      for (;;) {
        const t = (cells[s] as number) + c4;
        if (cells[t + 1] === s) {
          s = t;
          break;
        }
        if (s === 0) break;
        s = cells[s + 2] as number;
      }
      let o = cells[s + 3] as number;
      while (o !== 0) {
        const id = keyword[o >> 2] as number;
        o = cells[(cells[o + 2] as number) + 3] as number;
        if (id >= limit) continue;
        if (count === cap) {
          cap *= 2;
          starts = resize(starts, cap);
          ends = resize(ends, cap);
          ids = resize(ids, cap);
        }
        starts[count] = i + 1 - (keywordLengths[id] as number);
        ends[count] = i + 1;
        ids[count] = id;
        count++;
      }
    }
    if (!into) return { count, starts, ends, ids };
    into.count = count;
    into.starts = starts;
    into.ends = ends;
    into.ids = ids;
    return into;
  }
}

/**
 * The automaton as the scan reads it: one 16-byte cell per state, [base, parent, failure,
 * first keyword state on the failure chain], states given as cell offsets (state * 4). A
 * transition then reads one cache line instead of one in each of four arrays.
 */
function pack(base: Int32Array, check: Int32Array, fail: Int32Array, emit: Int32Array): Int32Array {
  const n = base.length;
  const cells = new Int32Array(n * 4);
  for (let t = 0; t < n; t++) {
    const p = check[t] as number;
    cells[4 * t] = (base[t] as number) * 4;
    cells[4 * t + 1] = p >= 0 ? p * 4 : -4;
    cells[4 * t + 2] = (fail[t] as number) * 4;
    cells[4 * t + 3] = (emit[t] as number) * 4;
  }
  return cells;
}

function resize(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a.subarray(0, Math.min(a.length, n)));
  return b;
}

function totalLength(words: readonly string[]): number {
  let n = 0;
  for (const w of words) n += w.length;
  return n;
}

/** Code-unit → dense symbol (1-based, most frequent first); 0 = absent from all keywords. */
function buildCharMap(keywords: readonly string[]): Uint16Array {
  const freq = new Uint32Array(65536);
  for (const w of keywords) for (let i = 0; i < w.length; i++) freq[w.charCodeAt(i)]!++;
  const used: number[] = [];
  for (let ch = 0; ch < 65536; ch++) if ((freq[ch] as number) > 0) used.push(ch);
  used.sort((a, b) => (freq[b] as number) - (freq[a] as number));
  const map = new Uint16Array(65536);
  for (let i = 0; i < used.length; i++) map[used[i] as number] = i + 1;
  return map;
}

/** Indices of distinct non-empty keywords, sorted by the keyword's code units. */
function dedupe(keywords: readonly string[]): number[] {
  const seen = new Map<string, number>();
  for (let i = 0; i < keywords.length; i++) {
    const w = keywords[i] as string;
    if (w.length > 0 && !seen.has(w)) seen.set(w, i);
  }
  const ids = [...seen.values()];
  ids.sort((a, b) => {
    const x = keywords[a] as string;
    const y = keywords[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return ids;
}
