import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/bench-input';
import { loadFacts } from '../facts/facts';
import type { Facts } from '../facts/facts';
import { CLAUSE_MARKS } from '../text/marks';
import { FindingBuffer } from '../text/finding-buffer';
import { TextIndex } from '../text/text-index';
import type { Finding } from '../types';
import { checkDuplicates } from './duplicate-rule';

// The rule's scans take shortcuts (repeat candidates from the index, hashes, clause buckets,
// a table for lines of many clauses). This test compares them on random texts with a
// straightforward reading of the rule: strings, Maps and Sets.

const SPACES = ' \t\u3000\u00a0';
const SENTENCE_MARKS = '。！？!?';

function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
  );
}

function trimmed(text: string, a: number, b: number): [number, number] {
  while (a < b && SPACES.includes(text[a] as string)) a++;
  while (b > a && SPACES.includes(text[b - 1] as string)) b--;
  return [a, b];
}

const OPEN = '“‘《〈（「『(';
const CLOSE = '”’》〉）」』)';

/** A paired mark without its partner. */
function splitsPair(s: string): boolean {
  const depth = new Map<string, number>();
  for (const ch of s) {
    if (OPEN.includes(ch)) depth.set(ch, (depth.get(ch) ?? 0) + 1);
    const close = CLOSE.indexOf(ch);
    if (close < 0) continue;
    const opener = OPEN[close] as string;
    if (!depth.get(opener)) return true;
    depth.set(opener, (depth.get(opener) as number) - 1);
  }
  return [...depth.values()].some((d) => d > 0);
}

/** The rule as first written (clauses cut out of a quotation pass), reporting into `out`. */
function reference(text: string, facts: Facts, out: FindingBuffer): void {
  const n = text.length;
  const functionChars = facts.duplicateFunctionChars;
  const redup = new Set(facts.reduplication);
  for (let i = 0; i < n; i++) {
    const c0 = text.charCodeAt(i);
    let recurs = false;
    for (let d = 1; d <= 6 && i + d < n; d++) if (text.charCodeAt(i + d) === c0) recurs = true;
    if (!recurs || !isHan(c0)) continue;
    if (text[i + 1] === text[i] && functionChars.includes(text[i] as string)) {
      let j = i + 2;
      while (j < n && text[j] === text[i]) j++;
      const from = Math.max(0, i - 3);
      const around = text.slice(from, i + 5);
      const allowed = facts.duplicateAllow.some((a) => {
        for (let k = around.indexOf(a); k >= 0; k = around.indexOf(a, k + 1)) {
          if (k <= i - from && k + a.length >= i - from + 2) return true;
        }
        return false;
      });
      if (!allowed) {
        const w = text.slice(i, j);
        out.add('duplicate', 'duplicate/char', 'error', i, j - i, `重复字“${w}”`, text[i]);
      }
      i = j - 1;
      continue;
    }
    for (let len = 6; len >= 2; len--) {
      if (i + 2 * len > n) continue;
      const w = text.slice(i, i + len);
      if (text.slice(i + len, i + 2 * len) !== w) continue;
      if (![...w].every((ch) => isHan(ch.charCodeAt(0)))) continue;
      if ([...w].every((ch) => ch === w[0])) continue;
      if (w[0] !== '一' && !redup.has(w + w) && !redup.has(w)) {
        out.add('duplicate', 'duplicate/word', 'warning', i + len, len, `词语“${w}”重复`, '');
      }
      i += 2 * len - 1;
      break;
    }
  }

  const sentenceLine = new Map<string, number>();
  let from = 0;
  text.split('\n').forEach((line, l) => {
    const to = from + line.length;
    const lineFrom = from;
    from = to + 1;
    if (line.length < 16) return;
    const clauses: [number, number][] = [];
    const flagged: [number, number][] = [];
    let sentenceStart = lineFrom;
    let clauseStart = lineFrom;
    for (let i = lineFrom; i <= to; i++) {
      if (i < to && !CLAUSE_MARKS.includes(text[i] as string)) continue;
      const [a, b] = trimmed(text, clauseStart, i);
      if (b - a >= 8) clauses.push([a, b]);
      clauseStart = i + 1;
      if (i < to && !SENTENCE_MARKS.includes(text[i] as string)) continue;
      const [sa, sb] = trimmed(text, sentenceStart, i);
      sentenceStart = i + 1;
      if (sb - sa < 10) continue;
      const s = text.slice(sa, sb);
      const prevLine = sentenceLine.get(s);
      if (prevLine === undefined) {
        sentenceLine.set(s, l);
        continue;
      }
      if (/^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,6}[：:]/.test(s)) continue;
      flagged.push([sa, sb]);
      const message = prevLine === l ? '与本段前文的句子重复' : `与第${prevLine + 1}行的句子重复`;
      out.add('duplicate', 'duplicate/sentence', 'warning', sa, sb - sa, message);
    }
    const seen = new Set<string>();
    clauses.forEach(([a, b]) => {
      const s = text.slice(a, b);
      if (!seen.has(s)) {
        seen.add(s);
        return;
      }
      if (flagged.some(([fa, fb]) => fa <= a && b <= fb)) return;
      if (splitsPair(s)) return;
      out.add('duplicate', 'duplicate/clause', 'warning', a, b - a, `与本段前文重复：“${s}”`);
    });
  });
}

// "aA" and "BB" have the same hash (a + 31·b), so clauses built of them collide in every hash
// the rule uses while differing in text.
const COLLIDING = ['aA', 'BB'];
const FRAGMENTS = [
  '加强网络阵地管理工作',
  '认真贯彻落实意识形态工作责任制',
  '同部署',
  '完善制度',
  '确保安全稳定运行',
  '组织开展网络安全宣传周活动三场',
  '  加强网络阵地管理工作 ',
  '\u3000认真贯彻落实意识形态工作责任制',
  '结合实际结合实际制定计划',
  '发挥宣传工作的的引导作用',
  '的的确确',
  '不了了之',
  '实实在在',
  '是是非非',
  '现在在职',
  '为了了解情况',
  '一步一步推进',
  '常常学习人人参与',
  '工作工作',
  '研究研究再定',
  '了了了',
  '𠀀党委',
  '5月3日',
  '2024年',
  '2024年应完成1次',
  '“11月主题党日：安全隐患排查”有12人参加',
  '“书记讲党课”（每年不少于1次）',
  '加强阵地管理（网站、公众号）',
  '审核意见：政策表述准确',
  '完成时限：2025年4月30日前',
];
const MARKS = [...CLAUSE_MARKS, ...SENTENCE_MARKS, '。', '，', '，'];
const HAN = '的了是和与及一二工作党委支部会议制度落实';

function randomText(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const lines: string[] = [];
  const lineCount = 1 + Math.floor(rnd() * 12);
  for (let l = 0; l < lineCount; l++) {
    // Now and then a line of many clauses (more than the rule compares pairwise).
    const parts = rnd() < 0.1 ? 100 + Math.floor(rnd() * 100) : Math.floor(rnd() * 16);
    let line = '';
    for (let p = 0; p < parts; p++) {
      const r = rnd();
      if (r < 0.15) {
        const blocks = 3 + Math.floor(rnd() * 4);
        for (let k = 0; k < blocks; k++) line += pick(COLLIDING);
      } else if (r < 0.25) {
        const len = 1 + Math.floor(rnd() * 6);
        for (let k = 0; k < len; k++) line += pick([...HAN]);
      } else if (r < 0.3) {
        line += pick([...SPACES]);
      } else {
        line += pick(FRAGMENTS);
      }
      if (rnd() < 0.7) line += pick(MARKS);
    }
    lines.push(line);
  }
  // Repeat some lines whole, so that sentences recur across lines.
  for (let k = Math.floor(rnd() * 3); k > 0; k--) lines.push(pick(lines));
  return lines.join('\n');
}

function findings(text: string, run: (index: TextIndex, out: FindingBuffer) => void): Finding[] {
  const index = new TextIndex(text);
  const out = new FindingBuffer(index);
  run(index, out);
  return out.toFindings(null);
}

describe('duplicate rule against a straightforward reference', () => {
  const facts = loadFacts();

  it('finds the same on random texts', () => {
    const rnd = prng(20240710);
    for (let t = 0; t < 400; t++) {
      const text = randomText(rnd);
      const actual = findings(text, (index, out) =>
        checkDuplicates({
          text,
          index,
          lines: index.lines,
          date: null,
          period: null,
          kind: 'other',
          facts,
          terms: null,
          findings: out,
          shared: {},
        }),
      );
      const expected = findings(text, (_, out) => reference(text, facts, out));
      expect(actual, text).toEqual(expected);
    }
  });
});
