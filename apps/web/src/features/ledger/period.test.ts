import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodKey, periodLabel, periodOf, periodQuery } from './period';

describe('ledger periods', () => {
  it('finds the quarter and half-year containing a date', () => {
    expect(periodOf('quarter', dayjs('2024-05-10'))).toEqual({
      mode: 'quarter',
      year: 2024,
      part: 2,
    });
    expect(periodOf('half', dayjs('2024-07-01'))).toEqual({ mode: 'half', year: 2024, part: 2 });
  });

  it('turns a picked period into the API key and back', () => {
    expect(periodKey({ mode: 'quarter', year: 2024, part: 3 })).toBe('2024Q3');
    expect(periodKey({ mode: 'half', year: 2024, part: 1 })).toBe('2024H1');
    expect(periodKey({ mode: 'year', year: 2024, part: 1 })).toBe('2024');
    expect(periodKey({ mode: 'all', year: 2024, part: 1 })).toBeUndefined();
    for (const key of ['2024Q3', '2024H1', '2024']) {
      expect(periodKey(parsePeriodKey(key))).toBe(key);
    }
    expect(parsePeriodKey('2024H3x')).toBeUndefined();
    expect(parsePeriodKey(null)).toBeUndefined();
  });

  it('sends a custom range as from/to and other periods as period', () => {
    expect(
      periodQuery({ mode: 'custom', year: 2024, part: 1, from: '2024-03-01', to: '2024-04-30' }),
    ).toEqual({ from: '2024-03-01', to: '2024-04-30' });
    expect(periodQuery({ mode: 'half', year: 2024, part: 2 })).toEqual({ period: '2024H2' });
  });

  it('names periods the way reports do', () => {
    expect(periodLabel('2024Q2')).toBe('2024年第二季度');
    expect(periodLabel('2024H1')).toBe('2024年上半年');
    expect(periodLabel('2024H2')).toBe('2024年下半年');
    expect(periodLabel('2024')).toBe('2024年度');
  });
});
