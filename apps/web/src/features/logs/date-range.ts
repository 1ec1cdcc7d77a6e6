import type { Dayjs } from 'dayjs';

export type DateRange = [Dayjs | null, Dayjs | null] | null | undefined;

/** A RangePicker value as the API's inclusive `from` / `to` days (YYYY-MM-DD). */
export function rangeToQuery(range: DateRange): { from?: string; to?: string } {
  const [start, end] = range ?? [null, null];
  return {
    from: start ? start.format('YYYY-MM-DD') : undefined,
    to: end ? end.format('YYYY-MM-DD') : undefined,
  };
}
