import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from './format';

describe('formatDate', () => {
  it('writes dates the official way, without leading zeros', () => {
    expect(formatDate('2024-07-10T08:00:00')).toBe('2024年7月10日');
    expect(formatDate('2024-12-01')).toBe('2024年12月1日');
  });

  it('shows a dash for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('')).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });

  it('adds the time of day for log entries', () => {
    expect(formatDateTime('2024-07-10T09:05:00')).toBe('2024年7月10日 09:05');
  });
});

describe('formatNumber', () => {
  it('leaves numbers of up to four digits ungrouped, as GB/T 15835 allows', () => {
    expect(formatNumber(2024)).toBe('2024');
    expect(formatNumber(9999)).toBe('9999');
  });

  it('groups longer numbers in threes', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatNumber(1234567)).toBe('1,234,567');
  });

  it('shows a dash for missing numbers', () => {
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Number.NaN)).toBe('—');
  });
});
