import { describe, expect, it } from 'vitest';
import { DoubleArrayMatcher } from './double-array-matcher';

/** Every occurrence of every keyword by brute force, as sorted "start:id" strings. */
function bruteForce(keywords: string[], text: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  keywords.forEach((k, id) => {
    if (k === '' || seen.has(k)) return;
    seen.add(k);
    for (let i = text.indexOf(k); i >= 0; i = text.indexOf(k, i + 1)) out.push(`${i}:${id}`);
  });
  return out.sort();
}

function scanned(m: DoubleArrayMatcher, text: string): string[] {
  const r = m.scan(text);
  const out: string[] = [];
  for (let k = 0; k < r.count; k++) out.push(`${r.starts[k]}:${r.ids[k]}`);
  return out.sort();
}

describe('DoubleArrayMatcher', () => {
  it('finds overlapping and nested keywords', () => {
    const keywords = ['意识形态', '意识', '形态工作', '工作', '意识形态工作责任制', '责任'];
    const text = '落实意识形态工作责任制，压实意识形态工作责任。';
    expect(scanned(new DoubleArrayMatcher(keywords), text)).toEqual(bruteForce(keywords, text));
  });

  it('handles suffix chains (failure links) and repeated characters', () => {
    const keywords = ['aaa', 'aa', 'a', 'ab', 'bab', 'abab'];
    const text = 'aaaababab';
    expect(scanned(new DoubleArrayMatcher(keywords), text)).toEqual(bruteForce(keywords, text));
  });

  it('handles surrogate pairs, duplicates and empty keywords', () => {
    const keywords = ['𠀀党', '党委', '党委', '', '委'];
    const text = '𠀀党委会议';
    const m = new DoubleArrayMatcher(keywords);
    expect(scanned(m, text)).toEqual(bruteForce(keywords, text));
  });

  it('agrees with brute force on random input', () => {
    let seed = 1;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const alphabet = '党委工作意识形态责任学习宣传';
    const pick = (): string => alphabet[Math.floor(rnd() * alphabet.length)] as string;
    const keywords = Array.from({ length: 400 }, () =>
      Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick).join(''),
    );
    const text = Array.from({ length: 3000 }, pick).join('');
    expect(scanned(new DoubleArrayMatcher(keywords), text)).toEqual(bruteForce(keywords, text));
  });

  it('compiles 100,000 keywords', () => {
    const keywords = Array.from({ length: 100_000 }, (_, i) => `词${i.toString(36)}条`);
    const m = new DoubleArrayMatcher(keywords);
    const r = m.scan('前缀词a1b条后缀词zz条');
    expect(r.count).toBe(2);
  });
});
