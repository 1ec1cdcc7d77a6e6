import { AppError } from '../../../errors/app-error';

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** `2024` → the year, `2024H1` → Jan–Jun, `2024Q2` → Apr–Jun, as inclusive YYYY-MM-DD bounds. */
export function periodRange(period: string): { from: string; to: string } {
  const match = /^(\d{4})(?:([HQ])([1-4]))?$/.exec(period);
  if (!match) throw new AppError('VALIDATION_FAILED', '期间须为 2024、2024H1 或 2024Q2 的形式');
  const year = Number(match[1]);
  if (!match[2]) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const n = Number(match[3]);
  if (match[2] === 'H' && n > 2) throw new AppError('VALIDATION_FAILED', '半年只能是 H1 或 H2');
  const months = match[2] === 'H' ? 6 : 3;
  const first = (n - 1) * months + 1;
  const last = first + months - 1;
  return {
    from: `${year}-${pad(first)}-01`,
    to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
  };
}

/** Combines `period` with explicit `from`/`to` (the narrower bound wins). */
export function resolveDateRange(query: { period?: string | undefined } & DateRange): DateRange {
  const range: DateRange = { from: query.from, to: query.to };
  if (query.period) {
    const p = periodRange(query.period);
    range.from = range.from && range.from > p.from ? range.from : p.from;
    range.to = range.to && range.to < p.to ? range.to : p.to;
  }
  return range;
}
