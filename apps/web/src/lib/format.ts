import dayjs from 'dayjs';

type DateInput = string | number | Date | null | undefined;

/** 2024年7月10日 — the date style of official documents (no leading zeros). */
export function formatDate(value: DateInput, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY年M月D日') : empty;
}

/** 2024年7月10日 09:05 — for log entries and audit fields. */
export function formatDateTime(value: DateInput, empty = '—'): string {
  if (value === null || value === undefined || value === '') return empty;
  const date = dayjs(value);
  return date.isValid() ? date.format('YYYY年M月D日 HH:mm') : empty;
}

/**
 * Arabic numerals per GB/T 15835-2011: integers of up to four digits are not grouped;
 * longer ones are grouped in threes with the thousands comma allowed for general publications.
 */
export function formatNumber(value: number | null | undefined, empty = '—'): string {
  if (value === null || value === undefined || Number.isNaN(value)) return empty;
  if (Math.abs(value) < 10_000) return String(value);
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
