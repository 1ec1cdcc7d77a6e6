/**
 * Periods of the calendar: quarters, half-years and years, with inclusive `YYYY-MM-DD` bounds.
 * The one place periods are parsed: compliance, the dashboard, reports and the ledger's filters.
 */
import { AppError } from '../../errors/app-error';

export type Cadence = 'quarter' | 'half_year' | 'year' | 'event';
export const cadences = [
  'quarter',
  'half_year',
  'year',
  'event',
] as const satisfies readonly Cadence[];

export interface Period {
  /** `2026Q1`, `2026H2` or `2026`. */
  key: string;
  year: number;
  start: string;
  end: string;
}

const PERIOD_PATTERN = /^(\d{4})(?:(Q)([1-4])|(H)([12]))?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthRange(year: number, firstMonth: number, lastMonth: number) {
  return {
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDayOfMonth(year, lastMonth))}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { key: `${year}Q${quarter}`, year, ...monthRange(year, quarter * 3 - 2, quarter * 3) };
}

export function halfYearPeriod(year: number, half: number): Period {
  return { key: `${year}H${half}`, year, ...monthRange(year, half * 6 - 5, half * 6) };
}

export function yearPeriod(year: number): Period {
  return { key: String(year), year, ...monthRange(year, 1, 12) };
}

/** Parses `2026`, `2026H1` or `2026Q3`; undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const match = PERIOD_PATTERN.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return undefined;
  if (match[2]) return quarterPeriod(year, Number(match[3]));
  if (match[4]) return halfYearPeriod(year, Number(match[5]));
  return yearPeriod(year);
}

/** The periods of a year a cadence divides it into (`event` is not periodic: the whole year). */
export function periodsOfYear(cadence: Cadence, year: number): Period[] {
  switch (cadence) {
    case 'quarter':
      return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
    case 'half_year':
      return [1, 2].map((h) => halfYearPeriod(year, h));
    case 'year':
    case 'event':
      return [yearPeriod(year)];
  }
}

/** The cadence periods that overlap `query` (a yearly duty seen in a quarter is the year). */
export function cadencePeriodsOverlapping(cadence: Cadence, query: Period): Period[] {
  return periodsOfYear(cadence, query.year).filter(
    (p) => p.start <= query.end && p.end >= query.start,
  );
}

/** The period of a cadence that contains `date`. */
export function periodContaining(cadence: Cadence, date: string): Period {
  const year = Number(date.slice(0, 4));
  const found = periodsOfYear(cadence, year).find((p) => p.start <= date && date <= p.end);
  if (!found) throw new Error(`no ${cadence} period contains ${date}`);
  return found;
}

/** The period `2026Q4` / `2026H2` / `2026` of the given granularity that contains `date`. */
export function currentPeriodKey(granularity: 'quarter' | 'half_year' | 'year', date: string) {
  return periodContaining(granularity, date).key;
}

/**
 * The deadline of a period: the first date on or after the period's start that falls on
 * `monthDay` (`07-15` for H1 is 15 July; `01-15` for H2 is 15 January of the next year).
 */
export function deadlineOf(period: Period, monthDay: string | undefined): string {
  if (!monthDay) return period.end;
  const sameYear = `${period.year}-${monthDay}`;
  return sameYear >= period.start ? sameYear : `${period.year + 1}-${monthDay}`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function isMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const month = Number(match[1]);
  const day = Number(match[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(2023, month);
}

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

/** Combines `period` (`2024`, `2024H1`, `2024Q2`) with explicit `from`/`to` (the narrower bound wins). */
export function resolveDateRange(query: { period?: string | undefined } & DateRange): DateRange {
  const range: DateRange = { from: query.from, to: query.to };
  if (query.period) {
    const p = parsePeriod(query.period);
    if (!p) throw new AppError('VALIDATION_FAILED', '期间须为 2024、2024H1 或 2024Q2 的形式');
    range.from = range.from && range.from > p.start ? range.from : p.start;
    range.to = range.to && range.to < p.end ? range.to : p.end;
  }
  return range;
}
