import type { Finding } from '../types';
import { charTable, isHanCode } from '../text/text-index';
import type { RuleContext } from './rule-context';

const CLAUSE_SPLIT = charTable('，。！？；：、,;!?');
const SENTENCE_SPLIT = charTable('。！？!?');
const SPACE = charTable(' \t\u3000\u00a0');
/** Per code unit: 0 hashed text, 1 space (skipped), 2 clause separator, 3 sentence separator. */
const SEGMENT_CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  SEGMENT_CLASS[c] =
    SENTENCE_SPLIT[c] === 1 ? 3 : CLAUSE_SPLIT[c] === 1 ? 2 : SPACE[c] === 1 ? 1 : 0;
}

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
    if (c0 < 0x3400) continue;
    const c1 = codes[i + 1] as number;
    if (c1 === c0 && functionChars[c0] === 1 && isHanCode(c0)) {
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
    // Cheap filter: a repeat of length L needs Han c0 and c1 = codes[i + 1], codes[i + L] === c0
    // and codes[i + L + 1] === c1.
    if (
      !(
        (codes[i + 2] === c0 && codes[i + 3] === c1) ||
        (codes[i + 3] === c0 && codes[i + 4] === c1) ||
        (codes[i + 4] === c0 && codes[i + 5] === c1) ||
        (codes[i + 5] === c0 && codes[i + 6] === c1) ||
        (codes[i + 6] === c0 && codes[i + 7] === c1)
      ) ||
      !isHanCode(c1) ||
      !isHanCode(c0)
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
  private filled = new Int32Array(64);
  private filledCount = 0;

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
        if (this.filledCount === this.filled.length) {
          const grown = new Int32Array(this.filled.length * 2);
          grown.set(this.filled);
          this.filled = grown;
        }
        this.filled[this.filledCount++] = slot;
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
    for (let k = 0; k < this.filledCount; k++) this.starts[this.filled[k] as number] = -1;
    this.filledCount = 0;
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
    this.filledCount = 0;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k] as number;
      if (s >= 0) this.seen(hashes[k] as number, s, lengths[k] as number);
    }
  }
}

/** Repeated sentences (≥ 10 characters) anywhere, repeated clauses (≥ 8) inside a paragraph. */
function repeatedSegments(ctx: RuleContext): Finding[] {
  const { index, lines, text } = ctx;
  const codes = index.codes;
  const out: Finding[] = [];
  const sentences = new SegmentTable(codes, Math.max(64, text.length >> 5));
  const clauses = new SegmentTable(codes, 64);
  // The line's clauses as (start, end, hash) triples, checked once its sentences are done.
  let clauseList = new Int32Array(3 * 64);
  const flagged: number[] = [];
  for (const line of lines) {
    const from = line.start;
    const to = from + line.text.length;
    if (to - from < 16) continue;
    flagged.length = 0;
    let clauseCount = 0;
    // One pass for both splits: every sentence separator also ends a clause. The hashes skip
    // spaces; segments are trimmed of spaces.
    let sentenceStart = from;
    let sentenceHash = 0;
    let clauseStart = from;
    let clauseHash = 0;
    for (let i = from; i <= to; i++) {
      const c = i < to ? (codes[i] as number) : -1;
      const cls = c >= 0 ? (SEGMENT_CLASS[c] as number) : 3;
      if (cls === 0) {
        sentenceHash = (Math.imul(sentenceHash, 31) + c) | 0;
        clauseHash = (Math.imul(clauseHash, 31) + c) | 0;
        continue;
      }
      if (cls === 1) continue;
      let a = clauseStart;
      let b = i;
      while (a < b && SPACE[codes[a] as number] === 1) a++;
      while (b > a && SPACE[codes[b - 1] as number] === 1) b--;
      if (b - a >= 8) {
        if (3 * clauseCount + 3 > clauseList.length) {
          const grown = new Int32Array(clauseList.length * 2);
          grown.set(clauseList);
          clauseList = grown;
        }
        clauseList[3 * clauseCount] = a;
        clauseList[3 * clauseCount + 1] = b;
        clauseList[3 * clauseCount + 2] = clauseHash;
        clauseCount++;
      }
      clauseStart = i + 1;
      clauseHash = 0;
      if (cls === 2) {
        // A clause separator inside the sentence (never a space).
        sentenceHash = (Math.imul(sentenceHash, 31) + c) | 0;
        continue;
      }
      a = sentenceStart;
      b = i;
      while (a < b && SPACE[codes[a] as number] === 1) a++;
      while (b > a && SPACE[codes[b - 1] as number] === 1) b--;
      sentenceStart = i + 1;
      const h = sentenceHash;
      sentenceHash = 0;
      if (b - a < 10) continue;
      const prev = sentences.seen(h, a, b - a);
      if (prev < 0) continue;
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
    }
    clauses.clear();
    for (let k = 0; k < clauseCount; k++) {
      const a = clauseList[3 * k] as number;
      const b = clauseList[3 * k + 1] as number;
      if (clauses.seen(clauseList[3 * k + 2] as number, a, b - a) < 0) continue;
      let inside = false;
      for (let f = 0; f < flagged.length; f += 2) {
        if (a >= (flagged[f] as number) && b <= (flagged[f + 1] as number)) inside = true;
      }
      if (inside) continue;
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
    }
  }
  return out;
}
