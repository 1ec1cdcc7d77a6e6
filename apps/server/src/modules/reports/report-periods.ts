import type { ReportKind, ReportPeriod } from '@taizhang/composer';
import { AppError } from '../../errors/app-error';

/** A report's period: the composer's period plus the key reports are filed under. */
export interface ResolvedPeriod extends ReportPeriod {
  /** `2024H1`, `2024`, or `2024-01-01~2024-09-30`. */
  key: string;
  year: number;
}

export const reportKinds = ['half-year-summary', 'annual-summary', 'selfcheck', 'topical'] as const;

export const reportKindLabels: Record<ReportKind, string> = {
  'half-year-summary': '半年工作总结',
  'annual-summary': '年度工作总结',
  selfcheck: '自查报告',
  topical: '专题报告',
};

const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= lastDay(y, mo);
}

function customLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  const wholeMonths = fd === 1 && td === lastDay(ty, tm);
  if (wholeMonths && fy === ty) return fm === tm ? `${fy}年${fm}月` : `${fy}年${fm}月至${tm}月`;
  if (wholeMonths) return `${fy}年${fm}月至${ty}年${tm}月`;
  return fy === ty
    ? `${fy}年${fm}月${fd}日至${tm}月${td}日`
    : `${fy}年${fm}月${fd}日至${ty}年${tm}月${td}日`;
}

/** `2024H1` → first half of 2024, `2024` → the year, or an explicit from/to range. */
export function resolvePeriod(input: {
  period?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}): ResolvedPeriod {
  if (input.period) {
    const m = /^(\d{4})(?:H([12]))?$/i.exec(input.period.trim());
    if (!m)
      throw new AppError('VALIDATION_FAILED', '期间须为 2024H1、2024H2 或 2024 的形式', [
        { path: 'period', message: '期间格式不正确' },
      ]);
    const year = Number(m[1]);
    if (year < 2000 || year > 2999)
      throw new AppError('VALIDATION_FAILED', '年份超出范围', [
        { path: 'period', message: '年份超出范围' },
      ]);
    if (!m[2])
      return {
        key: String(year),
        year,
        kind: 'annual',
        label: `${year}年`,
        from: `${year}-01-01`,
        to: `${year}-12-31`,
      };
    const half = Number(m[2]);
    return {
      key: `${year}H${half}`,
      year,
      kind: 'half-year',
      label: `${year}年${half === 1 ? '上' : '下'}半年`,
      from: `${year}-${half === 1 ? '01' : '07'}-01`,
      to: `${year}-${half === 1 ? '06-30' : '12-31'}`,
    };
  }
  const { from, to } = input;
  if (!from || !to)
    throw new AppError('VALIDATION_FAILED', '请选择报告期间（2024H1、2024 或起止日期）', [
      { path: 'period', message: '缺少报告期间' },
    ]);
  if (!isDate(from) || !isDate(to))
    throw new AppError('VALIDATION_FAILED', '起止日期须为 YYYY-MM-DD 形式', [
      { path: 'from', message: '日期格式不正确' },
    ]);
  if (from > to)
    throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', [
      { path: 'to', message: '结束日期早于开始日期' },
    ]);
  const year = Number(from.slice(0, 4));
  return { key: `${from}~${to}`, year, kind: 'custom', label: customLabel(from, to), from, to };
}

/** Resolves the kind the user asked for: `summary` means half-year or annual by the period. */
export function resolveKind(kind: ReportKind | 'summary', period: ResolvedPeriod): ReportKind {
  if (kind !== 'summary') return kind;
  return period.kind === 'annual' ? 'annual-summary' : 'half-year-summary';
}

/** When a report for the period is due at the parent: 15 July for H1, 15 January after H2/year. */
export function submissionDeadline(period: ResolvedPeriod): string | null {
  if (period.kind === 'custom') return null;
  if (period.kind === 'half-year' && period.from.slice(5, 7) === '01')
    return `${period.year}-07-15`;
  return `${period.year + 1}-01-15`;
}

export function isoDateValid(text: string): boolean {
  return isDate(text);
}
