// Excel files of the proofreader: findings reports, term list exports and the upload template.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Category, Severity, TermCategory } from '@taizhang/proofreader';
import type { TermEntryRow } from '../../db/schema-proofread';
import type { FindingDto } from './proofread.schema';
import { TERM_FILE_HEADERS } from './term-file-parser';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const CATEGORY_LABELS: Record<Category, string> = {
  placeholder: '占位符',
  residue: '模板残留',
  duplicate: '重复',
  punctuation: '标点',
  numbering: '序号',
  temporal: '时间表述',
  stale: '过时提法',
  typo: '错别字',
  terminology: '术语',
  structure: '结构',
  layout: '格式',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const TERM_CATEGORY_LABELS: Record<TermCategory, string> = {
  forbidden: '禁用',
  discouraged: '慎用',
  preferred: '推荐',
  canonical: '规范',
};

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function styleHeader(sheet: ExcelJS.Worksheet, rowNumber: number): void {
  const row = sheet.getRow(rowNumber);
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  sheet.views = [{ state: 'frozen', ySplit: rowNumber }];
}

function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '台账 Taizhang';
  workbook.created = new Date();
  return workbook;
}

/** The findings of one check as a worksheet users can hand to the drafter. */
export async function findingsWorkbook(input: {
  title?: string | undefined;
  date?: string | null | undefined;
  findings: readonly FindingDto[];
}): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet('校对结果');
  sheet.columns = [
    { key: 'no', width: 6 },
    { key: 'severity', width: 8 },
    { key: 'category', width: 10 },
    { key: 'line', width: 6 },
    { key: 'column', width: 6 },
    { key: 'excerpt', width: 30 },
    { key: 'message', width: 50 },
    { key: 'suggestion', width: 24 },
    { key: 'rule', width: 24 },
  ];
  const heading = `${input.title ? `《${input.title}》` : ''}校对结果（共 ${input.findings.length} 处${
    input.date ? `，文档日期 ${input.date}` : ''
  }）`;
  sheet.addRow([heading]);
  sheet.mergeCells(1, 1, 1, 9);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['序号', '级别', '类别', '行', '列', '原文', '问题说明', '修改建议', '规则']);
  styleHeader(sheet, 2);
  input.findings.forEach((f, index) => {
    sheet.addRow([
      index + 1,
      SEVERITY_LABELS[f.severity],
      CATEGORY_LABELS[f.category],
      f.line,
      f.column,
      f.excerpt,
      f.message,
      f.suggestion === undefined ? '' : f.suggestion === '' ? '（删除）' : f.suggestion,
      f.rule,
    ]);
  });
  sheet.getColumn('excerpt').alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn('message').alignment = { wrapText: true, vertical: 'top' };
  return toBuffer(workbook);
}

const termRow = (
  e: Pick<TermEntryRow, 'term' | 'category' | 'severity' | 'suggestion' | 'note'>,
) => [
  e.term,
  TERM_CATEGORY_LABELS[e.category as TermCategory] ?? e.category,
  e.severity ? (SEVERITY_LABELS[e.severity as Severity] ?? e.severity) : '',
  e.suggestion ?? '',
  e.note ?? '',
];

const TERM_COLUMNS = [24, 8, 8, 24, 40];

function termSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = TERM_COLUMNS.map((width) => ({ width }));
  sheet.addRow([...TERM_FILE_HEADERS]);
  styleHeader(sheet, 1);
  return sheet;
}

/** A term list version in the upload layout, so an export can be edited and uploaded again. */
export async function termListWorkbook(entries: readonly TermEntryRow[]): Promise<Buffer> {
  // Streaming writer: 10^5 rows in a few seconds instead of tens.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '台账 Taizhang';
  const sheet = workbook.addWorksheet('词表', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = TERM_COLUMNS.map((width) => ({ width }));
  const header = sheet.addRow([...TERM_FILE_HEADERS]);
  header.font = { bold: true };
  header.commit();
  for (const e of entries) sheet.addRow(termRow(e)).commit();
  sheet.commit();
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

const TEMPLATE_ROWS = [
  {
    term: '最最重要',
    category: 'forbidden',
    severity: 'error',
    suggestion: '最重要',
    note: '示例：禁用的错误表述',
  },
  {
    term: '搞活动',
    category: 'discouraged',
    severity: null,
    suggestion: '开展活动',
    note: '示例：慎用的口语',
  },
  {
    term: '党建工作',
    category: 'preferred',
    severity: 'info',
    suggestion: null,
    note: '示例：推荐用语',
  },
] as const;

const TEMPLATE_HELP = [
  '填写说明：',
  '1. 第一行为表头，请勿修改；从第二行起每行一个词条。',
  '2. 类别：禁用（forbidden）、慎用（discouraged）、推荐（preferred）、规范（canonical）。',
  '3. 级别可留空（禁用默认“错误”，慎用默认“警告”，推荐和规范默认“提示”），或填 错误/警告/提示。',
  '4. 建议：替换用语，可留空；备注：说明或出处，可留空。',
  '5. 同一词表中词条不能重复；任一行有误时整个文件不会导入，请按提示修改后重新上传。',
];

/** The template offered for download: header, three sample rows and a help sheet. */
export async function termTemplateWorkbook(): Promise<Buffer> {
  const workbook = newWorkbook();
  const sheet = termSheet(workbook, '词表');
  for (const e of TEMPLATE_ROWS) sheet.addRow(termRow(e));
  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of TEMPLATE_HELP) help.addRow([line]);
  return toBuffer(workbook);
}

/** The same template as UTF-8 TSV (with BOM, so Excel opens it correctly). */
export function termTemplateTsv(): string {
  const lines = [TERM_FILE_HEADERS.join('\t'), ...TEMPLATE_ROWS.map((e) => termRow(e).join('\t'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
