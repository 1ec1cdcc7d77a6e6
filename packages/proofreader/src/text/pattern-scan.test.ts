import { describe, expect, it } from 'vitest';
import { prng } from '../../scripts/bench-input';
import '../check';
import { loadFacts } from '../facts/facts';
import { matchAllAt, matchFrom, registeredPatterns } from './pattern-scan';
import { hasChar, startSets } from './regex-prefix';
import { TextIndex } from './text-index';

const show = (ms: RegExpMatchArray[]): string[] =>
  ms.map((m) => `${m.index}:${JSON.stringify([...m])}:${JSON.stringify(m.groups ?? null)}`);

describe('start sets', () => {
  const members = (set: Uint32Array | undefined, chars: string): string =>
    [...chars].filter((c) => set !== undefined && hasChar(set, c.charCodeAt(0))).join('');

  it('models alternatives, optional prefixes and lookarounds', () => {
    const s = startSets(/(?<!第)(?:党的)?(十[五六]|二十)(?:大|届)/g);
    expect(members(s?.at[0], '党十二第甲')).toBe('党十二');
    expect(members(s?.at[1], '的五六十大届')).toBe('的五六十');
    expect(members(s?.at[2], '十五六大届')).toBe('十大届');
    expect(members(s?.last[2], '十五六大届')).toBe('大届');
  });

  it('knows where a match may end and line anchors', () => {
    const s = startSets(/\.{3,}|…+/g);
    expect(members(s?.last[0], '….')).toBe('…');
    expect(members(s?.last[1], '….')).toBe('…');
    expect(members(s?.last[2], '….')).toBe('….');
    expect(startSets(/^[ \t]+(?=\S)/gm)?.lineStart).toBe(true);
    expect(startSets(/^a|b/gm)?.lineStart).toBe(false);
    const ref = startSets(/([，。])\1+/g);
    expect(members(ref?.at[1], '，。、')).toBe('，。');
  });

  it('gives up on empty matches and unsupported syntax', () => {
    expect(startSets(/a*/g)).toBeNull();
    expect(startSets(/\p{L}/gu)).toBeNull();
    expect(startSets(/a/gi)).toBeNull();
  });
});

describe('pattern scan', () => {
  loadFacts();
  const patterns = registeredPatterns();
  // Every character the patterns mention, plus some context.
  const alphabet = [
    ...new Set([...patterns.map((p) => p.regex.source).join(''), ...'\n\n  \u3000\t党委工作12']),
  ];
  // Runs of literal text from the patterns, so that long literal alternatives match too.
  const literals = patterns.map((p) => p.regex.source.replace(/\\[a-z]|[\\^$.*+?()[\]{}|]/g, ''));
  // Shapes that random text rarely produces.
  const shapes = [
    '\n 1、',
    '\n\u3000二.',
    '（三），',
    '（12）、',
    '。3、',
    '今年是“十四五”规划开局之年',
    '2020上半年',
    '建党100周年',
    '新中国成立七十五周年',
    '截止2024年',
    '仅供学习使用',
    '第 3 页 共 9 页',
    '（请填写单位）',
    '党的二十届三中全会',
    '明年为十五五规划收官之年',
    'QQ：12345678咨询',
    '（注：略）',
  ];
  const rnd = prng(99);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const texts = Array.from({ length: 400 }, () => {
    const len = Math.floor(rnd() * 400);
    let s = '';
    while (s.length < len) {
      if (rnd() < 0.03) s += pick(shapes);
      else if (rnd() < 0.2) {
        const lit = pick(literals);
        const at = Math.floor(rnd() * lit.length);
        s += lit.slice(at, at + 2 + Math.floor(rnd() * 12));
      } else s += pick(alphabet);
    }
    return s;
  });

  it('covers every rule regex', () => {
    expect(patterns.length).toBeGreaterThan(30);
    expect(patterns.filter((p) => p.sets === null).map((p) => p.regex.source)).toEqual([]);
  });

  it('finds exactly the matches of matchAll, and of exec from any offset', () => {
    for (const text of texts) {
      const { candidates } = new TextIndex(text);
      for (const p of patterns) {
        const want = show([...text.matchAll(p.regex)]);
        expect(show(matchAllAt(text, candidates, p, Infinity)), p.regex.source).toEqual(want);
        const from = Math.floor(rnd() * (text.length + 1));
        p.regex.lastIndex = from;
        const exec = p.regex.exec(text);
        p.regex.lastIndex = 0;
        const got = matchFrom(text, candidates, p, from);
        expect(got && show([got]), p.regex.source).toEqual(exec && show([exec]));
      }
    }
  });
});
