import { describe, expect, it } from 'vitest';
import { check, warmUp } from './index';

// Adversarial inputs: each must finish quickly (no quadratic paths) and not throw.
const CASES: Record<string, string> = {
  'no punctuation, many anniversaries': '建党100周年'.repeat(40_000),
  'no punctuation, many dates': '2030年1月1日开展了'.repeat(30_000),
  'unclosed parentheses': '（('.repeat(100_000),
  'one endless series': `${'同部署、'.repeat(40_000)}同考核，同落实`,
  'repeated words': '工作'.repeat(200_000),
  'doubled function characters': '的'.repeat(300_000),
  'quotes and book titles': '“《〈'.repeat(100_000),
  'many stray full-width spaces': '宣传\u3000工作。\n'.repeat(50_000),
  'many short lines': '一、\n（一）\n1.\n'.repeat(50_000),
  placeholders: 'XX某某X月'.repeat(60_000),
  surrogates: '𠀀党委XX'.repeat(60_000),
  empty: '',
  'only newlines': '\n'.repeat(100_000),
};

describe('check on adversarial input', () => {
  for (const [name, text] of Object.entries(CASES)) {
    it(`handles ${name} in linear time`, () => {
      const t0 = performance.now();
      const r = check(text, { date: '2024-07-10' });
      expect(Array.isArray(r.findings)).toBe(true);
      expect(performance.now() - t0).toBeLessThan(8000);
    });
  }
});

describe('finding objects', () => {
  it('carry exactly the contract fields, in order, and a suggestion only when there is one', () => {
    const { findings } = check('关于XX的报告\n今年是新中国成立70周年,的的确确要求。', {
      date: '2024-07-10',
    });
    const base = ['category', 'rule', 'severity', 'line', 'column', 'length', 'excerpt', 'message'];
    expect(findings.length).toBeGreaterThan(2);
    for (const f of findings) {
      const keys = Object.keys(f);
      expect(keys).toEqual(f.suggestion === undefined ? base : [...base, 'suggestion']);
      expect(JSON.parse(JSON.stringify(f))).toEqual({ ...f });
    }
    expect(findings.some((f) => 'suggestion' in f)).toBe(true);
    expect(findings.some((f) => !('suggestion' in f))).toBe(true);
  });
});

describe('warmUp', () => {
  it('prepares the engine without changing what a check finds', () => {
    const text = '关于XX的报告\n今年是新中国成立70周年,的的确确要求。';
    const before = check(text, { date: '2024-07-10' });
    warmUp();
    expect(check(text, { date: '2024-07-10' })).toEqual(before);
  });
});
