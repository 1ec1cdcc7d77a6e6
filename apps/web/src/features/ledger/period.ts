import dayjs from 'dayjs';

// Periods of the ledger and compliance filters: 季度 / 半年 / 年度 / 自定义, and their API keys.

export type PeriodMode = 'all' | 'quarter' | 'half' | 'year' | 'custom';

export interface PeriodValue {
  mode: PeriodMode;
  year: number;
  /** Quarter 1–4 or half 1–2. */
  part: number;
  /** `YYYY-MM-DD` bounds of a custom range. */
  from?: string;
  to?: string;
}

export const PERIOD_MODE_LABELS: Record<PeriodMode, string> = {
  all: '不限期间',
  quarter: '季度',
  half: '半年',
  year: '年度',
  custom: '自定义',
};

/** The period containing `date` in the given mode. */
export function periodOf(mode: PeriodMode, date = dayjs()): PeriodValue {
  const month = date.month() + 1;
  return {
    mode,
    year: date.year(),
    part: mode === 'half' ? (month <= 6 ? 1 : 2) : Math.ceil(month / 3),
  };
}

/** `2024`, `2024H1`, `2024Q2`, or undefined for 不限/自定义. */
export function periodKey(value: PeriodValue | undefined): string | undefined {
  if (!value) return undefined;
  switch (value.mode) {
    case 'quarter':
      return `${value.year}Q${value.part}`;
    case 'half':
      return `${value.year}H${value.part}`;
    case 'year':
      return String(value.year);
    case 'all':
    case 'custom':
      return undefined;
  }
}

/** The list-query fields of a period: `period`, or `from`/`to` for a custom range. */
export function periodQuery(value: PeriodValue | undefined): {
  period?: string;
  from?: string;
  to?: string;
} {
  if (value?.mode === 'custom') return { from: value.from, to: value.to };
  return { period: periodKey(value) };
}

/** The picker value of `2024`, `2024H1` or `2024Q2`; undefined for anything else. */
export function parsePeriodKey(key: string | null | undefined): PeriodValue | undefined {
  const match = /^(\d{4})(?:([QH])([1-4]))?$/.exec(key ?? '');
  if (!match) return undefined;
  const year = Number(match[1]);
  if (!match[2]) return { mode: 'year', year, part: 1 };
  return { mode: match[2] === 'Q' ? 'quarter' : 'half', year, part: Number(match[3]) };
}

/** 2024年第二季度 / 2024年上半年 / 2024年度. */
export function periodLabel(key: string): string {
  const match = /^(\d{4})(?:([QH])([1-4]))?$/.exec(key);
  if (!match) return key;
  if (!match[2]) return `${match[1]}年度`;
  if (match[2] === 'H') return `${match[1]}年${match[3] === '1' ? '上' : '下'}半年`;
  return `${match[1]}年第${'一二三四'[Number(match[3]) - 1]}季度`;
}
