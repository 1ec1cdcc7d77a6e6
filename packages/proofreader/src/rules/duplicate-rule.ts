import { charTable, isHanCode } from '../text/text-index';
import type { Line, TextIndex } from '../text/text-index';
import { Scratch } from '../text/scratch';
import type { Facts } from '../facts/facts';
import type { RuleContext } from './rule-context';
import { SegmentTable } from './segment-table';

// Clauses end at the index's marks (CLAUSE_MARKS: ，。！？；：、,;!?), sentences at these.
const SENTENCE_SPLIT = charTable('。！？!?');

/** The duplicate facts as the scan reads them, made once per facts object. */
interface DuplicateFacts {
  functionChars: Uint8Array;
  reduplication: Set<string>;
}

const duplicateFactsCache = new WeakMap<Facts, DuplicateFacts>();

function duplicateFactsOf(facts: Facts): DuplicateFacts {
  let d = duplicateFactsCache.get(facts);
  if (!d) {
    d = {
      functionChars: charTable(facts.duplicateFunctionChars),
      reduplication: new Set(facts.reduplication),
    };
    duplicateFactsCache.set(facts, d);
  }
  return d;
}

/** Accidental doubles (的的), repeated words, and repeated clauses/sentences. */
export function checkDuplicates(ctx: RuleContext): void {
  const { text, index, facts } = ctx;
  const { functionChars, reduplication } = duplicateFactsOf(facts);
  const n = text.length;
  const codes = index.codes;
  const starts = index.repeatStarts;
  // Candidates (descending) taken in text order; `next` is where the scan may resume after a finding.
  let next = 0;
  for (let k = starts.length - 1; k >= 0; k--) {
    const i = starts[k] as number;
    if (i < next) continue;
    const c0 = codes[i] as number;
    const c1 = codes[i + 1] as number;
    // A repeat of length L needs codes[i + L] === c0 and codes[i + L + 1] === c1. `fits` is
    // negative when some L from 2 to 6 does (x - 1 < 0 for x = 0 only): computed without
    // branches, as which L fits, if any, is unpredictable and most candidates fit none.
    const fits =
      ((((codes[i + 2] as number) ^ c0) | ((codes[i + 3] as number) ^ c1)) - 1) |
      ((((codes[i + 3] as number) ^ c0) | ((codes[i + 4] as number) ^ c1)) - 1) |
      ((((codes[i + 4] as number) ^ c0) | ((codes[i + 5] as number) ^ c1)) - 1) |
      ((((codes[i + 5] as number) ^ c0) | ((codes[i + 6] as number) ^ c1)) - 1) |
      ((((codes[i + 6] as number) ^ c0) | ((codes[i + 7] as number) ^ c1)) - 1);
    if ((fits >= 0 && c1 !== c0) || c0 < 0x3400) continue;
    if (c1 === c0 && functionChars[c0] === 1 && isHanCode(c0)) {
      let j = i + 2;
      while (j < n && codes[j] === c0) j++;
      if (!allowedDouble(codes, n, i, facts.duplicateAllow)) {
        const excerpt = text.slice(i, j);
        ctx.findings.add(
          'duplicate',
          'duplicate/char',
          'error',
          i,
          j - i,
          `重复字“${excerpt}”`,
          text[i],
          excerpt,
        );
      }
      next = j;
      continue;
    }
    if (fits >= 0 || !isHanCode(c1) || !isHanCode(c0)) continue;
    const len = repeatedWordAt(codes, n, i, c0);
    if (len === 0) continue;
    const w = text.slice(i, i + len);
    next = i + 2 * len;
    // 一步一步, 一个一个 and listed reduplications are legitimate.
    if (c0 === 0x4e00 || reduplication.has(w + w) || reduplication.has(w)) continue;
    ctx.findings.add(
      'duplicate',
      'duplicate/word',
      'warning',
      i + len,
      len,
      `词语“${w}”重复`,
      '',
      w,
    );
  }
  repeatedSegments(ctx);
}

// Working arrays reused across checks (see scratch.ts).
const SENTENCE_SLOTS = new Scratch((n) => new Int32Array(n));

/** True when one of `allow` covers the double at `at` (within 3 units before, 5 from it). */
function allowedDouble(
  codes: Uint16Array,
  n: number,
  at: number,
  allow: readonly string[],
): boolean {
  const from = Math.max(0, at - 3);
  const to = Math.min(n, at + 5);
  for (const a of allow) {
    for (let p = Math.max(from, at + 2 - a.length); p <= at && p + a.length <= to; p++) {
      let k = 0;
      while (k < a.length && codes[p + k] === a.charCodeAt(k)) k++;
      if (k === a.length) return true;
    }
  }
  return false;
}

/** Length (2–6, longest first) of a Han word at `i` repeated right after it, or 0. */
function repeatedWordAt(codes: Uint16Array, n: number, i: number, c0: number): number {
  for (let len = 6; len >= 2; len--) {
    if (codes[i + len] !== c0 || i + 2 * len > n) continue;
    let same = true;
    for (let k = 1; k < len; k++) {
      const c = codes[i + k] as number;
      if (c !== codes[i + len + k] || !isHanCode(c)) {
        same = false;
        break;
      }
    }
    if (!same) continue;
    // AAAA is reduplication of one character, handled above or legitimate.
    let single = true;
    for (let k = 1; k < len; k++) if (codes[i + k] !== c0) single = false;
    if (!single) return len;
  }
  return 0;
}

const SAME_LINE = '与本段前文的句子重复';

// Messages naming an earlier line, made once per line named (a number conversion and two
// concatenations: on a large report, more than all the rest of the repeated sentences' handling)
// and kept for the next checks, up to KEPT_MESSAGES lines.
const LINE_MESSAGES: (string | undefined)[] = [];
const KEPT_MESSAGES = 1 << 14;

function earlierLineMessage(line: number): string {
  // Filled densely, so that the array keeps fast elements.
  while (LINE_MESSAGES.length <= line) LINE_MESSAGES.push(undefined);
  return (LINE_MESSAGES[line] ??= `与第${line + 1}行的句子重复`);
}

/** True for the spaces segments are trimmed of (Han units, the usual ones, fail the first test). */
function isSpace(c: number): boolean {
  return c <= 0x3000 && (c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0);
}

// Clause buckets: equal clauses share a bucket (it is taken from their hash), and a bucket
// remembers the last line that used it. A clause whose bucket is new to its line has no equal
// before it in the line; only the others are compared with the line's earlier clauses.
const BUCKET_BITS = 8;
/** Lines with more clauses than this find their repeats with a hash table instead. */
const FEW_CLAUSES = 64;

/**
 * Repeated sentences (≥ 10 characters) anywhere, repeated clauses (≥ 8) inside a paragraph
 * (not pieces of a quotation cut at a mark inside it: readsAsAccident).
 */
function repeatedSegments(ctx: RuleContext): void {
  const { index, lines, text } = ctx;
  const { codes, marks } = index;
  const n = text.length;
  // Tagged with the line of the sentence, for the message.
  const sentences = new SegmentTable(codes, Math.max(64, n >> 5), SENTENCE_SLOTS);
  const bucketLine = new Int32Array(1 << BUCKET_BITS).fill(-1);
  // The line's clauses as (start, end, hash) triples, checked once its sentences are done;
  // the indices of those whose bucket was already used in the line; its repeated sentences
  // as (start, end) pairs.
  let clauseList: Int32Array = new Int32Array(3 * FEW_CLAUSES);
  let maybeRepeated: Int32Array = new Int32Array(FEW_CLAUSES);
  let flagged: Int32Array = new Int32Array(16);
  let m = 0;
  // Lines are contiguous: each ends one unit (its \n) before the next starts.
  let from = 0;
  for (let l = 0; l < lines.length; l++) {
    const to = l + 1 < lines.length ? (lines[l + 1] as Line).start - 1 : n;
    const lineFrom = from;
    from = to + 1;
    if (to - lineFrom < 16) continue;
    let flaggedCount = 0;
    let clauseCount = 0;
    let maybeCount = 0;
    // Clauses end at every mark, sentences at sentence marks and at the end of the line.
    // Segments are trimmed of spaces.
    while (m < marks.length && (marks[m] as number) < lineFrom) m++;
    let sentenceStart = lineFrom;
    let clauseStart = lineFrom;
    for (;;) {
      const i = m < marks.length && (marks[m] as number) < to ? (marks[m++] as number) : to;
      let a = clauseStart;
      let b = i;
      while (a < b && isSpace(codes[a] as number)) a++;
      while (b > a && isSpace(codes[b - 1] as number)) b--;
      if (b - a >= 8) {
        if (3 * clauseCount + 3 > clauseList.length) clauseList = grown(clauseList);
        const hash = index.hashOf(a, b);
        clauseList[3 * clauseCount] = a;
        clauseList[3 * clauseCount + 1] = b;
        clauseList[3 * clauseCount + 2] = hash;
        const bucket = hash >>> (32 - BUCKET_BITS);
        if (bucketLine[bucket] === l) {
          if (maybeCount === maybeRepeated.length) maybeRepeated = grown(maybeRepeated);
          maybeRepeated[maybeCount++] = clauseCount;
        } else {
          bucketLine[bucket] = l;
        }
        clauseCount++;
      }
      clauseStart = i + 1;
      if (i < to && SENTENCE_SPLIT[codes[i] as number] === 0) continue;
      a = sentenceStart;
      b = i;
      while (a < b && isSpace(codes[a] as number)) a++;
      while (b > a && isSpace(codes[b - 1] as number)) b--;
      sentenceStart = i + 1;
      if (b - a >= 10) {
        const prev = sentences.seen(index.hashOf(a, b), a, b - a, l);
        if (prev >= 0 && !isFieldLine(codes, a, b)) {
          if (flaggedCount + 2 > flagged.length) flagged = grown(flagged);
          flagged[flaggedCount++] = a;
          flagged[flaggedCount++] = b;
          const prevLine = sentences.tag;
          const message = prevLine === l ? SAME_LINE : earlierLineMessage(prevLine);
          ctx.findings.add('duplicate', 'duplicate/sentence', 'warning', a, b - a, message);
        }
      }
      if (i === to) break;
    }
    if (maybeCount === 0) continue;
    // A line of many clauses has its repeats found at once (they replace the candidates).
    const many = clauseCount > FEW_CLAUSES;
    const count = many ? repeatsByTable(index, clauseList, clauseCount, maybeRepeated) : maybeCount;
    // Flagged sentences are disjoint and ascending, like the clauses: only the last one
    // starting at or before a clause can hold it.
    let f = -2;
    for (let r = 0; r < count; r++) {
      const k = maybeRepeated[r] as number;
      const a = clauseList[3 * k] as number;
      const b = clauseList[3 * k + 1] as number;
      while (f + 2 < flaggedCount && (flagged[f + 2] as number) <= a) f += 2;
      if (f >= 0 && b <= (flagged[f + 1] as number)) continue;
      if (!many && !repeatsEarlier(codes, clauseList, k)) continue;
      if (!readsAsAccident(codes, clauseList, k)) continue;
      const seg = text.slice(a, b);
      ctx.findings.add(
        'duplicate',
        'duplicate/clause',
        'warning',
        a,
        b - a,
        `与本段前文重复：“${seg}”`,
        undefined,
        seg,
      );
    }
  }
  if (LINE_MESSAGES.length > KEPT_MESSAGES) LINE_MESSAGES.length = KEPT_MESSAGES;
}

// Paired marks: a clause holding one without its partner was cut out of a quotation or a
// bracket at a comma or colon inside it.
const OPENERS = '“‘《〈（「『(';
const CLOSERS = '”’》〉）」』)';
const PAIR_OF = new Int8Array(0x10000).fill(-1);
for (let p = 0; p < OPENERS.length; p++) {
  PAIR_OF[OPENERS.charCodeAt(p)] = p;
  PAIR_OF[CLOSERS.charCodeAt(p)] = p + OPENERS.length;
}
const pairDepth = new Int32Array(OPENERS.length);

/** True when `codes[a..b)` holds a paired mark without its partner. */
function splitsPair(codes: Uint16Array, a: number, b: number): boolean {
  pairDepth.fill(0);
  let open = 0;
  for (let i = a; i < b; i++) {
    const p = PAIR_OF[codes[i] as number] as number;
    if (p < 0) continue;
    if (p < OPENERS.length) {
      pairDepth[p] = (pairDepth[p] as number) + 1;
      open++;
    } else {
      const q = p - OPENERS.length;
      if (pairDepth[q] === 0) return true;
      pairDepth[q] = (pairDepth[q] as number) - 1;
      open--;
    }
  }
  return open !== 0;
}

/**
 * Whether a clause repeated in its paragraph reads as an accident. Not one: a piece of a
 * quotation or bracket cut at a mark inside it — “11月主题党日：安全隐患排查”有12人参加 and
 * “12月主题党日：安全隐患排查”有12人参加 are different titles, not a clause said twice.
 */
function readsAsAccident(codes: Uint16Array, clauses: Int32Array, k: number): boolean {
  return !splitsPair(codes, clauses[3 * k] as number, clauses[3 * k + 1] as number);
}

/**
 * A `label：value` sentence (审核意见：同意发布, 完成时限：4月30日前): records and task lists
 * repeat these by design.
 */
function isFieldLine(codes: Uint16Array, a: number, b: number): boolean {
  let i = a;
  while (i < b && i - a < 6 && isHanCode(codes[i] as number)) i++;
  const c = codes[i] as number;
  return i - a >= 2 && i < b && (c === 0xff1a || c === 0x3a);
}

/** True when clause `k` of `clauses` ((start, end, hash) triples) equals an earlier one. */
function repeatsEarlier(codes: Uint16Array, clauses: Int32Array, k: number): boolean {
  const a = clauses[3 * k] as number;
  const len = (clauses[3 * k + 1] as number) - a;
  const hash = clauses[3 * k + 2] as number;
  for (let j = 0; j < k; j++) {
    if (clauses[3 * j + 2] !== hash) continue;
    const s = clauses[3 * j] as number;
    if ((clauses[3 * j + 1] as number) - s !== len) continue;
    let d = 0;
    while (d < len && codes[s + d] === codes[a + d]) d++;
    if (d === len) return true;
  }
  return false;
}

/**
 * The clauses of `clauses` ((start, end, hash) triples, `count` of them) equal to an earlier
 * one, by a hash table: their indices go to `repeated` (they are among the candidates it
 * holds, so it has room); returns how many.
 */
function repeatsByTable(
  index: TextIndex,
  clauses: Int32Array,
  count: number,
  repeated: Int32Array,
): number {
  const table = new SegmentTable(index.codes, count);
  let found = 0;
  for (let k = 0; k < count; k++) {
    const a = clauses[3 * k] as number;
    const b = clauses[3 * k + 1] as number;
    if (table.seen(clauses[3 * k + 2] as number, a, b - a) >= 0) repeated[found++] = k;
  }
  return found;
}

/** `array` copied into one twice as long. */
function grown(array: Int32Array): Int32Array {
  const copy = new Int32Array(array.length * 2);
  copy.set(array);
  return copy;
}
