import { candidateTables } from './pattern-tables';
import type { ScanPattern, Tables } from './pattern-tables';

// Most rules search the whole text with a handful of regexes each: ~40 full scans of the text.
// Instead, every rule regex is registered once (`scanPattern`); the text index's one pass over
// the code units collects, per regex, the offsets where a match can start (from its first
// units), and the regex is then tried only there (sticky). The matches are exactly those of
// `text.matchAll(regex)`.

export { registeredPatterns, scanPattern } from './pattern-tables';
export type { ScanPattern } from './pattern-tables';

/**
 * Possible match starts of every registered pattern in one text, ascending per pattern. The
 * text index fills it in its single pass over the code units, from the end backwards.
 */
export class PatternCandidates {
  /** Patterns covered by the scan; others (and later ones) are searched in full. */
  readonly size: number;
  private readonly tables: Tables;
  private readonly lists: Int32Array[] = [];
  private readonly counts: Int32Array;

  constructor() {
    this.tables = candidateTables();
    this.size = this.tables.size;
    this.counts = new Int32Array(this.size);
    for (let p = 0; p < this.size; p++) this.lists.push(new Int32Array(16));
  }

  /**
   * Records the candidates for offset `i`: with bit 1 of `pair`, patterns starting at `i`;
   * with bit 2, line-start patterns at `i + 1`. Offsets must come in descending order.
   */
  visit(codes: Uint16Array, n: number, i: number, pair: number): void {
    if ((pair & 2) !== 0 && i + 1 < n) this.collect(this.tables.lineAt0, codes, n, i + 1);
    if ((pair & 1) !== 0) this.collect(this.tables.at0, codes, n, i);
  }

  /** Records the line-start patterns at offset 0, then puts every list in ascending order. */
  finish(codes: Uint16Array, n: number): void {
    if (n > 0) this.collect(this.tables.lineAt0, codes, n, 0);
    for (let p = 0; p < this.size; p++) this.starts(p).reverse();
  }

  /** Records `i` for each pattern (starting per `starts`) that accepts the units from `i`. */
  private collect(starts: Int32Array, codes: Uint16Array, n: number, i: number): void {
    const t = this.tables;
    const k0 = 2 * (t.classOf[codes[i] as number] as number);
    for (let w = 0; w < 2; w++) {
      const start = starts[k0 + w] as number;
      if (start === 0) continue;
      // A match may end after one or two units, or goes on with a third.
      let more = 0;
      if (i + 1 < n) {
        const k1 = 2 * (t.classOf[codes[i + 1] as number] as number) + w;
        const k2 = 2 * (t.classOf[codes[i + 2] as number] as number) + w;
        const third = i + 2 < n ? (t.at2[k2] as number) : 0;
        more = (t.at1[k1] as number) & ((t.last1[k1] as number) | third);
      }
      let bits = start & ((t.last0[k0 + w] as number) | more);
      while (bits !== 0) {
        this.push(w * 32 + 31 - Math.clz32(bits & -bits), i);
        bits &= bits - 1;
      }
    }
  }

  private push(p: number, i: number): void {
    let list = this.lists[p] as Int32Array;
    const n = this.counts[p] as number;
    if (n === list.length) {
      const grown = new Int32Array(n * 2);
      grown.set(list);
      this.lists[p] = list = grown;
    }
    list[n] = i;
    this.counts[p] = n + 1;
  }

  /** Possible starts of pattern `id` (only for ids below `size`). */
  starts(id: number): Int32Array {
    return (this.lists[id] as Int32Array).subarray(0, this.counts[id]);
  }
}

/**
 * The leftmost match of `pattern` starting at `from` or later (what `exec` finds with
 * `lastIndex = from`), or null.
 */
export function matchFrom(
  text: string,
  candidates: PatternCandidates,
  pattern: ScanPattern,
  from: number,
): RegExpExecArray | null {
  if (!pattern.sets || pattern.id >= candidates.size) {
    // `matchAll` starts at the regex's lastIndex: leave it at 0.
    const re = pattern.regex;
    re.lastIndex = from;
    const m = re.exec(text);
    re.lastIndex = 0;
    return m;
  }
  const starts = candidates.starts(pattern.id);
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((starts[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  const re = pattern.sticky;
  for (let k = lo; k < starts.length; k++) {
    re.lastIndex = starts[k] as number;
    const m = re.exec(text);
    if (m) return m;
  }
  return null;
}

/**
 * The matches of `pattern` in `text`, exactly as `text.matchAll(pattern.regex)` returns them:
 * tried with the sticky twin at each possible start past the previous match.
 */
export function matchAllAt(
  text: string,
  candidates: PatternCandidates,
  pattern: ScanPattern,
  denseLimit = text.length >> 4,
): RegExpExecArray[] {
  // Too many candidates (or none known): the regex engine's own search is cheaper.
  if (!pattern.sets || pattern.id >= candidates.size) return [...text.matchAll(pattern.regex)];
  const starts = candidates.starts(pattern.id);
  if (starts.length > denseLimit) return [...text.matchAll(pattern.regex)];
  const out: RegExpExecArray[] = [];
  const re = pattern.sticky;
  let from = 0;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k] as number;
    if (s < from) continue;
    re.lastIndex = s;
    const m = re.exec(text);
    if (!m) continue;
    out.push(m);
    from = re.lastIndex;
  }
  return out;
}
