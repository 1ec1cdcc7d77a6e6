import type { ActivityType } from '../activities/activity-kinds';

/** One column of the ledger spreadsheets: its Chinese header and the field it carries. */
export interface ExcelColumn {
  key: ExcelKey;
  header: string;
  width: number;
  note: string;
}

export type ExcelKey =
  | 'id'
  | 'type'
  | 'unit'
  | 'subtype'
  | 'date'
  | 'title'
  | 'summary'
  | 'participants'
  | 'topics'
  | 'areas'
  | 'speakers'
  | 'present'
  | 'absent'
  | 'outlet'
  | 'link'
  | 'audience'
  | 'evidence';

export const excelColumns: Record<ExcelKey, ExcelColumn> = {
  id: { key: 'id', header: '记录编号', width: 10, note: '系统编号，导入时忽略' },
  type: { key: 'type', header: '类型', width: 8, note: '会议、学习、宣传、活动、培训、其他' },
  unit: { key: 'unit', header: '所属单位', width: 28, note: '单位全称，须与系统中的单位名称一致' },
  subtype: {
    key: 'subtype',
    header: '子类型',
    width: 14,
    note: '可从下拉列表选择，也可填写其他名称',
  },
  date: { key: 'date', header: '日期', width: 12, note: '格式 YYYY-MM-DD，如 2024-03-28' },
  title: { key: 'title', header: '标题', width: 36, note: '必填' },
  summary: { key: 'summary', header: '内容摘要', width: 48, note: '选填' },
  participants: { key: 'participants', header: '参加人数', width: 10, note: '整数，选填' },
  topics: { key: 'topics', header: '主题', width: 30, note: '多个用“；”分隔' },
  areas: {
    key: 'areas',
    header: '所属领域',
    width: 20,
    note: '组织领导、理论学习、宣传教育、阵地管理、舆情应对、文明创建、队伍建设、督查考核，多个用“；”分隔',
  },
  speakers: { key: 'speakers', header: '主讲人', width: 16, note: '多个用“；”分隔（仅学习类）' },
  present: { key: 'present', header: '出席人员', width: 30, note: '姓名，多个用“；”分隔' },
  absent: {
    key: 'absent',
    header: '缺席人员及原因',
    width: 30,
    note: '格式“姓名：原因”，多个用“；”分隔，如“张三：公务出差；李四：病假”',
  },
  outlet: {
    key: 'outlet',
    header: '发布媒体或平台',
    width: 18,
    note: '如青川日报、微信公众号（宣讲可不填）',
  },
  link: { key: 'link', header: '链接', width: 36, note: '以 http:// 或 https:// 开头' },
  audience: { key: 'audience', header: '受众人数', width: 10, note: '宣讲必填' },
  evidence: {
    key: 'evidence',
    header: '证明材料',
    width: 24,
    note: '文件名，导入时忽略（请在系统中上传）',
  },
};

const common: ExcelKey[] = [
  'unit',
  'subtype',
  'date',
  'title',
  'summary',
  'participants',
  'topics',
  'areas',
];

/** The columns of the import template of one record type. */
export function templateColumns(type: ActivityType): ExcelColumn[] {
  const extra: Record<ActivityType, ExcelKey[]> = {
    meeting: ['present', 'absent'],
    study: ['speakers', 'present', 'absent'],
    publicity: ['outlet', 'link', 'audience'],
    event: ['link'],
    training: ['present', 'absent'],
    other: [],
  };
  return [...common, ...extra[type]].map((k) => excelColumns[k]);
}

/** The columns of an export: every field of every type, so the file can be imported again. */
export const exportColumns: ExcelColumn[] = (
  [
    'id',
    'type',
    'unit',
    'subtype',
    'date',
    'title',
    'summary',
    'participants',
    'topics',
    'areas',
    'speakers',
    'present',
    'absent',
    'outlet',
    'link',
    'audience',
    'evidence',
  ] as ExcelKey[]
).map((k) => excelColumns[k]);

/** Finds the column a header names (tolerating notes in brackets after the name). */
export function columnOfHeader(header: string): ExcelColumn | undefined {
  const base = header
    .trim()
    .replace(/[（(].*$/, '')
    .trim();
  return Object.values(excelColumns).find((c) => c.header === base);
}

/** Splits a multi-value cell on Chinese or Latin semicolons (topics may contain 、). */
export function splitList(text: string): string[] {
  return text
    .split(/[；;\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** Splits a list of names, also on 、 and commas. */
export function splitNames(text: string): string[] {
  return text
    .split(/[；;、，,\n]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export const fieldLabels: Record<string, string> = {
  unitId: '所属单位',
  type: '类型',
  subtype: '子类型',
  date: '日期',
  title: '标题',
  summary: '内容摘要',
  participants: '参加人数',
  topics: '主题',
  areas: '所属领域',
  speakers: '主讲人',
  attendance: '出席/缺席人员',
  outlet: '发布媒体或平台',
  link: '链接',
  audience: '受众人数',
};
