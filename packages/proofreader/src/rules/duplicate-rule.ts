import { charTable, isHanCode } from '../text/text-index';
import { Scratch } from '../text/scratch';
import type { RuleContext } from './rule-context';
import { SegmentTable } from './segment-table';

// Clauses end at the index's marks (CLAUSE_MARKS: ，。！？；：、,;!?), sentences at these.
const SENTENCE_SPLIT = charTable('。！？!?');
const SPACE = charTable(' \t\u3000\u00a0');

/** Accidental doubles (的的), repeated words, and repeated clauses/sentences. */
export function checkDuplicates(ctx: RuleContext): void {
  const { text, index, facts } = ctx;
  const functionChars = charTable(facts.duplicateFunctionChars);
  const redup = new Set(facts.reduplication);
  const n = text.length;
  const codes = index.codes;
  const starts = index.repeatStarts;
  // Candidates (descending) taken in text order; `next` is where the scan may resume after a finding.
  let next = 0;
  for (let k = starts.length - 1; k >= 0; k--) {
    const i = starts[k] as number;
    if (i < next) continue;
    const c0 = codes[i] as number;
    if (c0 < 0x3400) continue;
    const c1 = codes[i + 1] as number;
    if (c1 === c0 && functionChars[c0] === 1 && isHanCode(c0)) {
      let j = i + 2;
      while (j < n && codes[j] === c0) j++;
      if (!allowedDouble(text, i, facts.duplicateAllow)) {
        ctx.findings.add(
          'duplicate',
          'duplicate/char',
          'error',
          i,
          j - i,
          `重复字“${text.slice(i, j)}”`,
          text[i],
        );
      }
      next = j;
      continue;
    }
    // A repeat of length L needs codes[i + L] === c0 and codes[i + L + 1] === c1.
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
    next = i + 2 * len;
    // 一步一步, 一个一个 and listed reduplications are legitimate.
    if (c0 === 0x4e00 || redup.has(w + w) || redup.has(w)) continue;
    ctx.findings.add('duplicate', 'duplicate/word', 'warning', i + len, len, `词语“${w}”重复`, '');
  }
  repeatedSegments(ctx);
}

// Working arrays reused across checks (see scratch.ts).
const SENTENCE_SLOTS = new Scratch((n) => new Int32Array(n));

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

/** Repeated sentences (≥ 10 characters) anywhere, repeated clauses (≥ 8) inside a paragraph. */
function repeatedSegments(ctx: RuleContext): void {
  const { index, lines, text } = ctx;
  const { codes, marks } = index;
  const sentences = new SegmentTable(codes, Math.max(64, text.length >> 5), SENTENCE_SLOTS);
  const clauses = new SegmentTable(codes, 64);
  // The line's clauses as (start, end, hash) triples, checked once its sentences are done.
  let clauseList = new Int32Array(3 * 64);
  const flagged: number[] = [];
  let m = 0;
  for (const line of lines) {
    const from = line.start;
    const to = from + line.text.length;
    if (to - from < 16) continue;
    flagged.length = 0;
    let clauseCount = 0;
    // Clauses end at every mark, sentences at sentence marks and at the end of the line.
    // Segments are trimmed of spaces.
    while (m < marks.length && (marks[m] as number) < from) m++;
    let sentenceStart = from;
    let clauseStart = from;
    for (;;) {
      const i = m < marks.length && (marks[m] as number) < to ? (marks[m++] as number) : to;
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
        clauseList[3 * clauseCount + 2] = index.hashOf(a, b);
        clauseCount++;
      }
      clauseStart = i + 1;
      if (i < to && SENTENCE_SPLIT[codes[i] as number] === 0) continue;
      a = sentenceStart;
      b = i;
      while (a < b && SPACE[codes[a] as number] === 1) a++;
      while (b > a && SPACE[codes[b - 1] as number] === 1) b--;
      sentenceStart = i + 1;
      if (b - a >= 10) {
        const prev = sentences.seen(index.hashOf(a, b), a, b - a);
        if (prev >= 0) {
          flagged.push(a, b);
          const prevLine = index.lineAt(prev);
          const where = prevLine === line.index ? '本段前文' : `第${prevLine + 1}行`;
          ctx.findings.add(
            'duplicate',
            'duplicate/sentence',
            'warning',
            a,
            b - a,
            `与${where}的句子重复`,
          );
        }
      }
      if (i === to) break;
    }
    clauses.clear();
    // Flagged sentences are disjoint and ascending, like the clauses: only the last one
    // starting at or before a clause can hold it.
    let f = -2;
    for (let k = 0; k < clauseCount; k++) {
      const a = clauseList[3 * k] as number;
      const b = clauseList[3 * k + 1] as number;
      if (clauses.seen(clauseList[3 * k + 2] as number, a, b - a) < 0) continue;
      while (f + 2 < flagged.length && (flagged[f + 2] as number) <= a) f += 2;
      if (f >= 0 && b <= (flagged[f + 1] as number)) continue;
      const seg = text.slice(a, b);
      ctx.findings.add(
        'duplicate',
        'duplicate/clause',
        'warning',
        a,
        b - a,
        `与本段前文重复：“${seg}”`,
      );
    }
  }
}
