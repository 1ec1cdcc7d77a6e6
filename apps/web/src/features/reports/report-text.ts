import dayjs from 'dayjs';
import type { ReportParagraph, Segment } from './reports.types';

/** Permission codes of the reports module (server: permissionCatalog `report:*`). */
export const REPORT_PERM = {
  list: 'report:list',
  add: 'report:add',
  edit: 'report:edit',
  remove: 'report:remove',
  submit: 'report:submit',
  review: 'report:review',
  template: 'report:template',
} as const;

export const KIND_OPTIONS = [
  { value: 'summary', label: '工作总结（半年 / 年度，按期间）' },
  { value: 'selfcheck', label: '自查报告' },
  { value: 'topical', label: '专题报告' },
] as const;

export const KIND_LABELS: Record<string, string> = {
  'half-year-summary': '半年工作总结',
  'annual-summary': '年度工作总结',
  selfcheck: '自查报告',
  topical: '专题报告',
};

export const STATUS_COLORS: Record<string, string> = {
  draft: 'default',
  review: 'processing',
  returned: 'warning',
  submitted: 'success',
};

export const CATEGORY_LABELS: Record<string, { label: string; color: string }> = {
  placeholder: { label: '占位符', color: 'red' },
  residue: { label: '模板残留', color: 'volcano' },
  duplicate: { label: '重复', color: 'orange' },
  punctuation: { label: '标点', color: 'gold' },
  numbering: { label: '序号', color: 'lime' },
  temporal: { label: '时间表述', color: 'cyan' },
  stale: { label: '过时提法', color: 'magenta' },
  typo: { label: '错别字', color: 'red' },
  terminology: { label: '术语', color: 'purple' },
  structure: { label: '结构', color: 'blue' },
  layout: { label: '格式', color: 'geekblue' },
};

export const SEVERITY_LABELS: Record<string, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const AREAS = [
  '组织领导',
  '理论学习',
  '宣传教育',
  '阵地管理',
  '舆情应对',
  '文明创建',
  '队伍建设',
  '督查考核',
];

/** A segment as printed; figures as the server prints them (at most one decimal). */
export function segmentText(segment: Segment): string {
  if (segment.kind === 'text') return segment.text;
  const value = Math.round(segment.value * 10) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${segment.unit ?? ''}`;
}

export function paragraphText(paragraph: ReportParagraph): string {
  return paragraph.segments.map(segmentText).join('');
}

/** Period keys a user is likely to report on, most recent first: `2026H1`, `2025`, `2025H2` … */
export function recentPeriods(today = dayjs()): { value: string; label: string }[] {
  const year = today.year();
  const out: { value: string; label: string }[] = [];
  for (let y = year; y >= year - 3; y -= 1) {
    if (y < year || today.month() >= 6) out.push({ value: `${y}H2`, label: `${y}年下半年` });
    out.push({ value: `${y}H1`, label: `${y}年上半年` });
    if (y < year) out.push({ value: String(y), label: `${y}年全年` });
  }
  return out;
}

/** The period a report is due for now: the half-year just ended (or under way in its first half). */
export function defaultPeriod(today = dayjs()): string {
  const year = today.year();
  return today.month() >= 6 ? `${year}H1` : `${year - 1}H2`;
}

export function periodLabel(key: string): string {
  const m = /^(\d{4})(H([12]))?$/.exec(key);
  if (!m) return key.replace('~', ' 至 ');
  if (!m[2]) return `${m[1]}年`;
  return `${m[1]}年${m[3] === '1' ? '上' : '下'}半年`;
}
