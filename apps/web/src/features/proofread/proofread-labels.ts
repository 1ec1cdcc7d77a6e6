import type { Category, DocumentKind, Severity, TermCategory } from './proofread.types';

export const CATEGORY_ORDER: Category[] = [
  'placeholder',
  'residue',
  'duplicate',
  'punctuation',
  'numbering',
  'temporal',
  'stale',
  'typo',
  'terminology',
  'structure',
  'layout',
];

/** Label and highlight colours per category (text colour, background, underline). */
export const CATEGORY_STYLE: Record<Category, { label: string; color: string; bg: string }> = {
  placeholder: { label: '占位符', color: '#cf1322', bg: '#fff1f0' },
  residue: { label: '模板残留', color: '#c41d7f', bg: '#fff0f6' },
  duplicate: { label: '重复', color: '#d46b08', bg: '#fff7e6' },
  punctuation: { label: '标点', color: '#7c6a00', bg: '#fffbe6' },
  numbering: { label: '序号', color: '#389e0d', bg: '#f6ffed' },
  temporal: { label: '时间表述', color: '#08979c', bg: '#e6fffb' },
  stale: { label: '过时提法', color: '#0958d9', bg: '#e6f4ff' },
  typo: { label: '错别字', color: '#d4380d', bg: '#fff2e8' },
  terminology: { label: '术语', color: '#531dab', bg: '#f9f0ff' },
  structure: { label: '结构', color: '#1d39c4', bg: '#f0f5ff' },
  layout: { label: '格式', color: '#595959', bg: '#f5f5f5' },
};

export const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_STYLE: Record<Severity, { label: string; tag: string }> = {
  error: { label: '错误', tag: 'error' },
  warning: { label: '警告', tag: 'warning' },
  info: { label: '提示', tag: 'processing' },
};

export const KIND_LABELS: Record<DocumentKind, string> = {
  summary: '工作总结',
  selfcheck: '自查报告',
  topical: '专题报告',
  other: '其他',
};

export const TERM_CATEGORY_LABELS: Record<TermCategory, string> = {
  forbidden: '禁用',
  discouraged: '慎用',
  preferred: '推荐',
  canonical: '规范',
};

export const TERM_CATEGORY_COLORS: Record<TermCategory, string> = {
  forbidden: 'red',
  discouraged: 'orange',
  preferred: 'green',
  canonical: 'blue',
};
