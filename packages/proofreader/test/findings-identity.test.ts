import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildTerms, prng } from '../scripts/bench-input';
import { loadCorpus } from '../scripts/evaluate-corpus';
import { check, compileTerms } from '../src/index';
import type { CheckOptions, Finding, TermEntry } from '../src/index';

// Pins the engine's exact output on deterministic inputs, so that performance work on the
// scanning passes cannot change a single finding. The hashes were taken with the engine
// before its passes were optimised; update them only for an intended change of results.

function digest(findings: readonly Finding[]): string {
  return createHash('sha256').update(JSON.stringify(findings)).digest('hex').slice(0, 32);
}

function run(text: string, options: CheckOptions): string {
  return digest(check(text, options).findings);
}

/** The corpus passages, cut and lightly mutated with characters the rules react to. */
function mutatedCorpus(count: number): string[] {
  const all = loadCorpus()
    .map((d) => d.text)
    .join('\n');
  const alphabet = [
    ...'XxＸｘ×某【】{}｛｝_＿,;:?!().。，、；：“”‘’"《》〈〉<>＜＞[]［］（） \u3000\t\n0123456789０１Ａａ',
    ...'一二三四五六七八九十是要则抓年月日的了已…周年大届中全会截止至',
    '𠀀',
  ];
  const rnd = prng(12345);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const len = 50 + Math.floor(rnd() * 1500);
    const at = Math.floor(rnd() * (all.length - len));
    let s = all.slice(at, at + len);
    const edits = Math.floor(rnd() * 40);
    for (let j = 0; j < edits; j++) {
      const p = Math.floor(rnd() * s.length);
      const r = rnd();
      if (r < 0.5) s = s.slice(0, p) + alphabet[Math.floor(rnd() * alphabet.length)] + s.slice(p);
      else if (r < 0.7) s = s.slice(0, p) + s.slice(p + 1);
      else {
        const q = Math.floor(rnd() * s.length);
        s = s.slice(0, p) + s.slice(q, q + Math.floor(rnd() * 20)) + s.slice(p);
      }
    }
    out.push(s);
  }
  return out;
}

describe('findings identity', () => {
  const doc = buildDocument(200_000);
  const words = buildTerms(10_000, doc);
  const entries: TermEntry[] = words.map((term, i) => ({
    term,
    category: i % 3 === 0 ? 'forbidden' : i % 3 === 1 ? 'discouraged' : 'preferred',
    suggestion: i % 3 === 1 ? `${term}（规范）` : undefined,
  }));

  it('is unchanged on a 200,000-character sample of the bench document with 10,000 terms', () => {
    const r = check(doc, { terms: compileTerms(entries), date: '2024-07-10' });
    expect(r.findings.length).toBe(2921);
    expect(digest(r.findings)).toBe('d9fab5e9ede5154a4de4958344385590');
  });

  it('is unchanged on the bench sample with an inferred date and no term list', () => {
    expect(run(doc, {})).toBe('876fd35cf905456f884bd532e7c8d30d');
  });

  it('is unchanged on mutated corpus passages (every rule family)', () => {
    const dates = ['2024-07-10', '2019-03-01', '2022-11-20', '2026-01-15', undefined];
    const kinds = ['summary', 'selfcheck', 'topical', 'other', undefined] as const;
    const digests = mutatedCorpus(400).map((text, k) => {
      const date = dates[k % 5];
      const kind = kinds[Math.floor(k / 5) % 5];
      return run(text, { ...(date ? { date } : {}), ...(kind ? { kind } : {}) });
    });
    expect(createHash('sha256').update(digests.join()).digest('hex').slice(0, 32)).toBe(
      'ee18d26458bcf8b07b375427c72d0cab',
    );
  });
});
