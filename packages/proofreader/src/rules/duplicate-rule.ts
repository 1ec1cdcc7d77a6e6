import type { Finding } from '../types';
import { charTable, isHanCode } from '../text/text-index';
import type { RuleContext } from './rule-context';

const CLAUSE_SPLIT = charTable('，。！？；：、,;!?');
const SENTENCE_SPLIT = charTable('。！？!?');
const SPACE = charTable(' \t\u3000\u00a0');

/** Accidental doubles (的的), repeated words, and repeated clauses/sentences. */
export function checkDuplicates(ctx: RuleContext): Finding[] {
  const { text, index, facts } = ctx;
  const out: Finding[] = [];
  const functionChars = charTable(facts.duplicateFunctionChars);
  const redup = new Set(facts.reduplication);
  const n = text.length;
  const codes = index.codes;
  for (let i = 0; i + 1 < n; i++) {
    const c0 = codes[i] as number;
    if (c0 < 0x3400 || !isHanCode(c0)) continue;
    if (functionChars[c0] === 1 && codes[i + 1] === c0) {
      let j = i + 2;
      while (j < n && codes[j] === c0) j++;
      if (!allowedDouble(text, i, facts.duplicateAllow)) {
        out.push(
          index.finding(
            'duplicate',
            'duplicate/char',
            'error',
            i,
            j - i,
            `重复字“${text.slice(i, j)}”`,
            text[i],
          ),
        );
      }
      i = j - 1;
      continue;
    }
    // Cheap filter: a repeat of length L needs codes[i + L] === c0.
    if (
      codes[i + 2] !== c0 &&
      codes[i + 3] !== c0 &&
      codes[i + 4] !== c0 &&
      codes[i + 5] !== c0 &&
      codes[i + 6] !== c0
    ) {
      continue;
    }
    const len = repeatedWordAt(text, i, c0);
    if (len === 0) continue;
    const w = text.slice(i, i + len);
    i += 2 * len - 1;
    // 一步一步, 一个一个 and listed reduplications are legitimate.
    if (c0 === 0x4e00 || redup.has(w + w) || redup.has(w)) continue;
    out.push(
      index.finding(
        'duplicate',
        'duplicate/word',
        'warning',
        i - len + 1,
        len,
        `词语“${w}”重复`,
        '',
      ),
    );
  }
  for (const f of repeatedSegments(ctx)) out.push(f);
  return out;
}

function allowedDouble(text: string, at: number, allow: readonly string[]): boolean {
  const from = Math.max(0, at - 3);
  const around = text.slice(from, at + 5);
  const local = at - from;
  for (const a of allow) {
    for (let k = around.indexOf(a); k >= 0; k = around.indexOf(a, k + 1)) {
      if (k <= local && k + a.length >= local + 2) return true;
    }
  }
  return false;
}

/** Length (2–6, longest first) of a Han word at `i` repeated right after it, or 0. */
function repeatedWordAt(text: string, i: number, c0: number): number {
  for (let len = 6; len >= 2; len--) {
    if (text.charCodeAt(i + len) !== c0 || i + 2 * len > text.length) continue;
    let same = true;
    for (let k = 1; k < len; k++) {
      const c = text.charCodeAt(i + k);
      if (c !== text.charCodeAt(i + len + k) || !isHanCode(c)) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    // AAAA is reduplication of one character, handled above or legitimate.
    let single = true;
    for (let k = 1; k < len; k++) if (text.charCodeAt(i + k) !== c0) single = false;
    if (!single) return len;
  }
  return 0;
}

/**
 * Open-addressing table of text segments keyed by a 32-bit hash, remembering the first
 * occurrence; equal hashes are confirmed by comparing the text.
 */
class SegmentTable {
  private hashes: Int32Array;
  private starts: Int32Array;
  private lengths: Int32Array;
  private used = 0;
  /** Slots filled since the last clear, so a small table can be reused cheaply. */
  private filled: number[] = [];

  constructor(
    private readonly codes: Uint16Array,
    capacity: number,
  ) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.hashes = new Int32Array(size);
    this.starts = new Int32Array(size).fill(-1);
    this.lengths = new Int32Array(size);
  }

  /** Offset of an earlier equal segment, or -1 after recording this one. */
  seen(hash: number, start: number, length: number): number {
    if (this.used * 2 >= this.starts.length) this.rehash();
    const mask = this.starts.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const s = this.starts[slot] as number;
      if (s < 0) {
        this.hashes[slot] = hash;
        this.starts[slot] = start;
        this.lengths[slot] = length;
        this.used++;
        this.filled.push(slot);
        return -1;
      }
      if (
        this.hashes[slot] === hash &&
        this.lengths[slot] === length &&
        this.equal(s, start, length)
      )
        return s;
    }
  }

  /** Forgets every segment (cost proportional to the number recorded). */
  clear(): void {
    for (const slot of this.filled) this.starts[slot] = -1;
    this.filled.length = 0;
    this.used = 0;
  }

  private equal(a: number, b: number, len: number): boolean {
    const c = this.codes;
    for (let k = 0; k < len; k++) if (c[a + k] !== c[b + k]) return false;
    return true;
  }

  private rehash(): void {
    const { hashes, starts, lengths } = this;
    const size = starts.length * 2;
    this.hashes = new Int32Array(size);
    this.starts = new Int32Array(size).fill(-1);
    this.lengths = new Int32Array(size);
    this.used = 0;
    this.filled = [];
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k] as number;
      if (s >= 0) this.seen(hashes[k] as number, s, lengths[k] as number);
    }
  }
}

/** Repeated sentences (≥ 10 characters) anywhere, repeated clauses (≥ 8) inside a paragraph. */
function repeatedSegments(ctx: RuleContext): Finding[] {
  const { index, lines, text } = ctx;
  const out: Finding[] = [];
  const sentences = new SegmentTable(index.codes, Math.max(64, text.length >> 5));
  const clauses = new SegmentTable(index.codes, 64);
  for (const line of lines) {
    const end = line.start + line.text.length;
    if (end - line.start < 16) continue;
    const flagged: number[] = [];
    forEachSegment(index.codes, line.start, end, SENTENCE_SPLIT, 10, (a, b, h) => {
      const prev = sentences.seen(h, a, b - a);
      if (prev < 0) return;
      flagged.push(a, b);
      const prevLine = index.lineAt(prev);
      const where = prevLine === line.index ? '本段前文' : `第${prevLine + 1}行`;
      out.push(
        index.finding(
          'duplicate',
          'duplicate/sentence',
          'warning',
          a,
          b - a,
          `与${where}的句子重复`,
        ),
      );
    });
    clauses.clear();
    forEachSegment(index.codes, line.start, end, CLAUSE_SPLIT, 8, (a, b, h) => {
      if (clauses.seen(h, a, b - a) < 0) return;
      for (let k = 0; k < flagged.length; k += 2) {
        if (a >= (flagged[k] as number) && b <= (flagged[k + 1] as number)) return;
      }
      const seg = text.slice(a, b);
      out.push(
        index.finding(
          'duplicate',
          'duplicate/clause',
          'warning',
          a,
          b - a,
          `与本段前文重复：“${seg}”`,
        ),
      );
    });
  }
  return out;
}

/**
 * Calls `fn(start, end, hash)` for each piece of text[from, to) between separators, trimmed
 * of spaces and at least `min` long; the hash skips spaces.
 */
function forEachSegment(
  codes: Uint16Array,
  from: number,
  to: number,
  sep: Uint8Array,
  min: number,
  fn: (a: number, b: number, hash: number) => void,
): void {
  let start = from;
  let h = 0;
  for (let i = from; i <= to; i++) {
    const c = i < to ? (codes[i] as number) : -1;
    if (c >= 0 && sep[c] === 0) {
      if (SPACE[c] === 0) h = (Math.imul(h, 31) + c) | 0;
      continue;
    }
    let a = start;
    let b = i;
    while (a < b && SPACE[codes[a] as number] === 1) a++;
    while (b > a && SPACE[codes[b - 1] as number] === 1) b--;
    if (b - a >= min) fn(a, b, h);
    start = i + 1;
    h = 0;
  }
}
