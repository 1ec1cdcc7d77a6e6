import type { Category, Finding, Severity } from '../types';

/** One line of the document (without its line break); `start` is a UTF-16 offset. */
export interface Line {
  index: number;
  start: number;
  text: string;
}

/** Line table over a normalized text, converting UTF-16 offsets to contract positions. */
export class TextIndex {
  readonly text: string;
  readonly lines: Line[];
  /** UTF-16 code units of the text, padded with 8 zeros (fast indexed access for scans). */
  readonly codes: Uint16Array;
  private readonly starts: Int32Array;
  private readonly hasSurrogates: boolean;
  /** lowSurrogatesBefore[i]: trailing surrogates in text[0, i) (only when there are any). */
  private readonly lowSurrogatesBefore: Int32Array | null;

  constructor(text: string) {
    this.text = text;
    const codes = new Uint16Array(text.length + 8);
    let surrogates = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      codes[i] = c;
      surrogates |= (c & 0xf800) === 0xd800 ? 1 : 0;
    }
    this.codes = codes;
    this.hasSurrogates = surrogates !== 0;
    if (this.hasSurrogates) {
      const low = new Int32Array(text.length + 1);
      for (let i = 0; i < text.length; i++) {
        const c = codes[i] as number;
        low[i + 1] = (low[i] as number) + (c >= 0xdc00 && c <= 0xdfff ? 1 : 0);
      }
      this.lowSurrogatesBefore = low;
    } else this.lowSurrogatesBefore = null;
    const lines: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      lines.push({ index: lines.length, start, text: text.slice(start, end) });
      if (nl < 0) break;
      start = nl + 1;
    }
    this.lines = lines;
    this.starts = Int32Array.from(lines, (l) => l.start);
  }

  private lastLine = 0;

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

  private codePoints(from: number, to: number): number {
    const low = this.lowSurrogatesBefore;
    if (!low) return to - from;
    return to - from - ((low[to] as number) - (low[from] as number));
  }

  /** Builds a finding for the UTF-16 range [offset, offset + length). */
  finding(
    category: Category,
    rule: string,
    severity: Severity,
    offset: number,
    length: number,
    message: string,
    suggestion?: string,
  ): Finding {
    const li = this.lineAt(offset);
    const lineStart = this.starts[li] as number;
    const line = li + 1;
    const column = this.codePoints(lineStart, offset) + 1;
    const codePoints = this.codePoints(offset, offset + length);
    const excerpt = this.text.slice(offset, offset + length);
    // Two literal shapes (no property added afterwards); `suggestion` only when given.
    return suggestion === undefined
      ? { category, rule, severity, line, column, length: codePoints, excerpt, message }
      : {
          category,
          rule,
          severity,
          line,
          column,
          length: codePoints,
          excerpt,
          message,
          suggestion,
        };
  }
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
