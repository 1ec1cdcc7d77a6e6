import { matchAllAt, matchFrom, PatternCandidates } from './pattern-scan';
import { candidateTables } from './pattern-tables';
import type { ScanPattern } from './pattern-scan';
import type { Tables } from './pattern-tables';
import { copyCodeUnits } from './code-units';
import { Scratch } from './scratch';

// Working arrays reused across checks (see scratch.ts).
const CODES = new Scratch((n) => new Uint16Array(n));
const POSITIONS = new Scratch((n) => new Int32Array(n));
const HASHES = new Scratch((n) => new Int32Array(n));

const HASH_BASE = 31;
// HASH_BASE^k for short segments; longer ones square-and-multiply.
const POWERS = new Int32Array(512);
POWERS[0] = 1;
for (let k = 1; k < POWERS.length; k++) POWERS[k] = Math.imul(POWERS[k - 1] as number, HASH_BASE);

function power(k: number): number {
  if (k < POWERS.length) return POWERS[k] as number;
  let result = 1;
  let base = HASH_BASE;
  for (let e = k; e > 0; e >>>= 1) {
    if ((e & 1) !== 0) result = Math.imul(result, base);
    base = Math.imul(base, base);
  }
  return result;
}

/** Prefix counts of trailing surrogates: entry i counts those in codes[0, i). */
function lowSurrogatesBefore(codes: Uint16Array, n: number): Int32Array {
  const low = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const c = codes[i] as number;
    low[i + 1] = (low[i] as number) + (c >= 0xdc00 && c <= 0xdfff ? 1 : 0);
  }
  return low;
}

// The passes below are separate functions with one loop each (V8 optimizes a long loop while it
// runs; code after it in the same function would run unoptimized on every call).

// Per code unit: its class in the candidate tables, and that class's row flags << 16 (see
// `scanUnits`). Kept in sync with the tables.
const UNIT_INFO = new Int32Array(65536);
let unitInfoOf: Tables | null = null;

function unitInfo(): Tables {
  const t = candidateTables();
  if (unitInfoOf !== t) {
    for (let c = 0; c < 65536; c++) {
      const k = t.classOf[c] as number;
      UNIT_INFO[c] = k | ((t.rowFlags[k] as number) << 16);
    }
    unitInfoOf = t;
  }
  return t;
}

// Where each code unit occurs next (reset for every pass).
const NEXT_SEEN = new Int32Array(65536);

/**
 * The pass over the code units, from the end backwards so that the units after each offset
 * are known: pattern candidates need the next two, repeats the next occurrence of the same
 * unit, the hashes the hash of the rest. Fills `hashes`, and `positions` with the repeat
 * candidates from 0 up and the marks from `n` up (both descending).
 *
 * The lookup tables are module constants and the two position lists share one array: every
 * typed array a loop reads through a variable costs registers, and this loop runs once per
 * code unit.
 */
function scanUnits(
  n: number,
  codes: Uint16Array,
  candidates: PatternCandidates,
  positions: Int32Array,
  hashes: Int32Array,
): { repeats: number; marks: number; surrogates: boolean } {
  const { rowWords, pairBits } = unitInfo();
  NEXT_SEEN.fill(0x7fffffff);
  hashes[n] = 0;
  let repeatCount = 0;
  let markEnd = n;
  let hash = 0;
  let surrogates = 0;
  let nextClass = (UNIT_INFO[0] as number) & 0xffff;
  for (let i = n - 1; i >= 0; i--) {
    const c = codes[i] as number;
    surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    const next = NEXT_SEEN[c] as number;
    NEXT_SEEN[c] = i;
    if (next - i <= 6) positions[repeatCount++] = i;
    hash = (Math.imul(hash, HASH_BASE) + c) | 0;
    hashes[i] = hash;
    // Most units matter to none of this: no row flags. Else bit 4 — a clause mark; bit 1 —
    // a pattern may start here if the next unit fits too (pairBits); bit 2 — a line break,
    // after which line-start patterns may start.
    const info = UNIT_INFO[c] as number;
    const k = info & 0xffff;
    if (info > 0xffff) {
      const flags = info >> 16;
      if ((flags & 4) !== 0) positions[markEnd++] = i;
      const word = pairBits[k * rowWords + (nextClass >> 5)] as number;
      const pair = (flags & 2) | ((word >>> (nextClass & 31)) & flags & 1);
      if (pair !== 0) candidates.visit(codes, n, i, pair);
    }
    nextClass = k;
  }
  return { repeats: repeatCount, marks: markEnd - n, surrogates: surrogates !== 0 };
}

/** The lines of a text split at `\n`. */
function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push({ index: lines.length, start, text: text.slice(start, end) });
    if (nl < 0) return lines;
    start = nl + 1;
  }
}

function lineStarts(lines: readonly Line[]): Int32Array {
  const starts = new Int32Array(lines.length);
  for (let l = 0; l < lines.length; l++) starts[l] = (lines[l] as Line).start;
  return starts;
}

/** One line of the document (without its line break); `start` is a UTF-16 offset. */
export interface Line {
  index: number;
  start: number;
  text: string;
}

/**
 * Index of a normalized text, built in one pass over its code units: the units themselves,
 * the lines (UTF-16 offsets to contract positions), where the registered patterns can match,
 * the clause marks, segment hashes and repeat candidates. Its arrays are reused by the next
 * check (see scratch.ts): an index is valid during one check only.
 */
export class TextIndex {
  readonly text: string;
  readonly lines: Line[];
  /** UTF-16 code units of the text, padded with 8 zeros (fast indexed access for scans). */
  readonly codes: Uint16Array;
  /**
   * Offsets whose code unit occurs again within the next 6 units, descending: the only places
   * where a doubled character or a repeated word of 2–6 characters can start.
   */
  readonly repeatStarts: Int32Array;
  /** Offsets of the clause and sentence punctuation (`CLAUSE_MARKS`), ascending. */
  readonly marks: Int32Array;
  /** hashes[i]: polynomial hash of text[i, n) (see `hashOf`). */
  private readonly hashes: Int32Array;
  private readonly starts: Int32Array;
  /** lowSurrogatesBefore[i]: trailing surrogates in text[0, i) (only when there are any). */
  private readonly lowSurrogatesBefore: Int32Array | null;
  /** Where the registered patterns can match (see `matchAll`). */
  readonly candidates: PatternCandidates;

  /** Indexes `text`; the patterns registered by then are located in the same pass. */
  constructor(text: string) {
    this.text = text;
    const n = text.length;
    const codes = copyCodeUnits(text, CODES.get(n + 8).subarray(0, n + 8));
    codes.fill(0, n);
    const candidates = new PatternCandidates();
    const positions = POSITIONS.get(2 * n);
    const hashes = HASHES.get(n + 1);
    const counts = scanUnits(n, codes, candidates, positions, hashes);
    candidates.finish(codes, n);
    this.codes = codes;
    this.candidates = candidates;
    this.repeatStarts = positions.subarray(0, counts.repeats);
    this.marks = positions.subarray(n, n + counts.marks).reverse();
    this.hashes = hashes;
    this.lowSurrogatesBefore = counts.surrogates ? lowSurrogatesBefore(codes, n) : null;
    this.lines = splitLines(text);
    this.starts = lineStarts(this.lines);
  }

  private lastLine = 0;

  /** A 32-bit hash of text[from, to) that depends only on those code units. */
  hashOf(from: number, to: number): number {
    return (
      ((this.hashes[from] as number) - Math.imul(this.hashes[to] as number, power(to - from))) | 0
    );
  }

  /** Index in `marks` of the first mark at `offset` or later. */
  marksFrom(offset: number): number {
    const m = this.marks;
    let lo = 0;
    let hi = m.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((m[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The matches of a registered pattern, exactly as `text.matchAll(pattern.regex)` gives them. */
  matchAll(pattern: ScanPattern): RegExpExecArray[] {
    return matchAllAt(this.text, this.candidates, pattern);
  }

  /** The leftmost match of a registered pattern starting at `from` or later, or null. */
  matchFrom(pattern: ScanPattern, from: number): RegExpExecArray | null {
    return matchFrom(this.text, this.candidates, pattern, from);
  }

  /** 0-based index of the line holding a UTF-16 offset. */
  lineAt(offset: number): number {
    const s = this.starts;
    // Rules mostly ask in increasing order: try the last answer and its successor first.
    const h = this.lastLine;
    if ((s[h] as number) <= offset) {
      if (h + 1 >= s.length || (s[h + 1] as number) > offset) return h;
      if (h + 2 >= s.length || (s[h + 2] as number) > offset) return (this.lastLine = h + 1);
    }
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((s[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  /** Code points in the UTF-16 range [from, to). */
  codePointLength(from: number, to: number): number {
    const low = this.lowSurrogatesBefore;
    if (!low) return to - from;
    return to - from - ((low[to] as number) - (low[from] as number));
  }

  /** Code points between the start of line `li` (0-based) and `offset`. */
  codePointsFrom(li: number, offset: number): number {
    return this.codePointLength(this.starts[li] as number, offset);
  }
}

const NON_SPACE = /\S/;

/** True when `s` holds more than white space (`s.trim().length > 0`, without a new string). */
export function hasText(s: string): boolean {
  return NON_SPACE.test(s);
}

/** Han ideographs (CJK unified, extension A, compatibility). */
export const HAN = '\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF';
const HAN_RE = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;

export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && HAN_RE.test(ch);
}

/** A lookup table over UTF-16 code units: 1 for each character of `chars`. */
export function charTable(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** Sentence boundaries used by several rules. */
export const SENTENCE_END = charTable('。！？；!?;\n');

/**
 * [start, end) of the sentence around `offset` (within its line), looking at most `limit`
 * characters each way so that text without punctuation cannot make callers quadratic.
 */
export function sentenceAround(
  text: string,
  offset: number,
  end = offset,
  limit = 400,
): [number, number] {
  let a = offset;
  const minA = Math.max(0, offset - limit);
  while (a > minA && SENTENCE_END[text.charCodeAt(a - 1)] === 0) a--;
  let b = end;
  const maxB = Math.min(text.length, end + limit);
  while (b < maxB && SENTENCE_END[text.charCodeAt(b)] === 0) b++;
  return [a, b];
}

/** True for a Han ideograph code unit (BMP). */
export function isHanCode(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
  );
}
