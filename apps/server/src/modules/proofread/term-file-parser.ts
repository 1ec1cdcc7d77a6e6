// Reads an uploaded term list (TSV or .xlsx) into validated rows, or explains every bad row.
import { extname } from 'node:path';
import type { Severity, TermCategory } from '@taizhang/proofreader';
import { AppError } from '../../errors/app-error';
import { readXlsxRows, XlsxReadError } from './xlsx-rows-reader';
import { MAX_TERM_ROWS } from './term-lists.schema';

/** One row of a term list as stored: `row` is the row number in the file (1-based). */
export interface ParsedTerm {
  row: number;
  term: string;
  category: TermCategory;
  severity: Severity | null;
  suggestion: string | null;
  note: string | null;
}

interface RawRow {
  row: number;
  cells: string[];
}

export interface TermRowError {
  row: number;
  message: string;
}

const CATEGORY_ALIASES: Record<string, TermCategory> = {
  forbidden: 'forbidden',
  禁用: 'forbidden',
  禁用词: 'forbidden',
  discouraged: 'discouraged',
  慎用: 'discouraged',
  慎用词: 'discouraged',
  不推荐: 'discouraged',
  preferred: 'preferred',
  推荐: 'preferred',
  推荐词: 'preferred',
  canonical: 'canonical',
  规范: 'canonical',
  规范表述: 'canonical',
};
const SEVERITY_ALIASES: Record<string, Severity> = {
  error: 'error',
  错误: 'error',
  warning: 'warning',
  警告: 'warning',
  info: 'info',
  提示: 'info',
};
const HEADER_NAMES: Record<string, keyof Omit<ParsedTerm, 'row'>> = {
  term: 'term',
  词条: 'term',
  词语: 'term',
  术语: 'term',
  category: 'category',
  类别: 'category',
  分类: 'category',
  severity: 'severity',
  级别: 'severity',
  严重程度: 'severity',
  suggestion: 'suggestion',
  建议: 'suggestion',
  替换为: 'suggestion',
  建议用语: 'suggestion',
  note: 'note',
  备注: 'note',
  说明: 'note',
};
const COLUMNS = ['term', 'category', 'severity', 'suggestion', 'note'] as const;

export const TERM_FILE_HEADERS = ['词条', '类别', '级别', '建议', '备注'] as const;

const MAX_TERM_LENGTH = 100;
const MAX_TEXT_LENGTH = 500;
const MAX_REPORTED_ERRORS = 100;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** Parses and validates a whole file; throws one AppError listing the bad rows (all-or-nothing). */
export function parseTermFile(bytes: Buffer, fileName: string): ParsedTerm[] {
  const rows = readRows(bytes, fileName);
  const { entries, errors } = validateTermRows(rows);
  if (errors.length > 0) throw rowErrors(errors);
  if (entries.length === 0) {
    throw new AppError('VALIDATION_FAILED', '文件中没有词条，请按模板填写后再上传');
  }
  return entries;
}

function rowErrors(errors: TermRowError[]): AppError {
  const shown = errors.slice(0, MAX_REPORTED_ERRORS);
  const preview = shown
    .slice(0, 3)
    .map((e) => `第${e.row}行：${e.message}`)
    .join('；');
  return new AppError(
    'VALIDATION_FAILED',
    `词表有 ${errors.length} 行错误，未导入任何词条：${preview}${errors.length > 3 ? '…' : ''}`,
    shown.map((e) => ({ path: `row:${e.row}`, message: `第${e.row}行：${e.message}` })),
  );
}

function readRows(bytes: Buffer, fileName: string): RawRow[] {
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空');
  const ext = extname(fileName).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes);
  if (ext === '.tsv' || ext === '.txt' || ext === '.tab') return readTsvRows(bytes);
  if (ext === '.xls' || ext === '.et') {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持旧版 .xls 格式，请另存为 .xlsx 后再上传');
  }
  throw new AppError(
    'UNSUPPORTED_MEDIA_TYPE',
    `不支持的文件类型“${ext || '无扩展名'}”，请上传 .xlsx 或制表符分隔的 .tsv/.txt 文件`,
  );
}

/** UTF-8 (BOM optional), UTF-16LE with BOM (Excel's “Unicode 文本”), else GB18030. */
function decodeTsv(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.includes(0))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '文件包含二进制内容，不是文本文件');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', '无法识别文件编码，请保存为 UTF-8 编码');
    }
  }
}

function readTsvRows(bytes: Buffer): RawRow[] {
  const lines = decodeTsv(bytes)
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/);
  if (lines.length > MAX_TERM_ROWS + 2) throw tooManyRows();
  const rows: RawRow[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.startsWith('#')) continue;
    rows.push({ row: i + 1, cells: line.split('\t') });
  }
  return rows;
}

const tooManyRows = () =>
  new AppError('VALIDATION_FAILED', `词表最多 ${MAX_TERM_ROWS} 行，请拆分为多个词表`);

function readXlsx(bytes: Buffer): RawRow[] {
  try {
    const rows = readXlsxRows(bytes, COLUMNS.length);
    if (rows.length > MAX_TERM_ROWS + 1) throw tooManyRows();
    return rows;
  } catch (error) {
    if (error instanceof XlsxReadError) {
      throw new AppError('VALIDATION_FAILED', `Excel 文件无法读取：${error.message}`);
    }
    throw error;
  }
}

type Column = (typeof COLUMNS)[number];

/** Column positions: from a header row when there is one, else the template order. */
function columnMap(first: RawRow | undefined): { map: Record<Column, number>; header: boolean } {
  const positional = { term: 0, category: 1, severity: 2, suggestion: 3, note: 4 };
  if (!first) return { map: positional, header: false };
  const names = first.cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  if (!names.includes('term')) return { map: positional, header: false };
  const map: Record<Column, number> = {
    term: -1,
    category: -1,
    severity: -1,
    suggestion: -1,
    note: -1,
  };
  names.forEach((name, index) => {
    if (name && map[name] === -1) map[name] = index;
  });
  return { map, header: true };
}

/** Validates every row; collects all errors rather than stopping at the first. */
export function validateTermRows(rows: RawRow[]): {
  entries: ParsedTerm[];
  errors: TermRowError[];
} {
  if (rows.length > MAX_TERM_ROWS + 1) throw tooManyRows();
  const { map, header } = columnMap(rows[0]);
  const entries: ParsedTerm[] = [];
  const errors: TermRowError[] = [];
  const seen = new Map<string, number>();
  const cell = (r: RawRow, column: Column): string => {
    const index = map[column];
    return index < 0 ? '' : (r.cells[index] ?? '').trim();
  };
  if (header && map.category < 0) {
    errors.push({ row: rows[0]?.row ?? 1, message: '表头缺少“类别”列' });
    return { entries, errors };
  }
  for (let i = header ? 1 : 0; i < rows.length; i++) {
    const r = rows[i] as RawRow;
    const term = cell(r, 'term');
    const rawCategory = cell(r, 'category');
    const rawSeverity = cell(r, 'severity');
    const suggestion = cell(r, 'suggestion');
    const note = cell(r, 'note');
    const problem = rowProblem(term, rawCategory, rawSeverity, suggestion, note);
    if (problem) {
      errors.push({ row: r.row, message: problem });
      continue;
    }
    const earlier = seen.get(term);
    if (earlier !== undefined) {
      errors.push({ row: r.row, message: `词条“${term}”与第${earlier}行重复` });
      continue;
    }
    seen.set(term, r.row);
    entries.push({
      row: r.row,
      term,
      category: CATEGORY_ALIASES[rawCategory.toLowerCase()] as TermCategory,
      severity:
        rawSeverity === '' ? null : (SEVERITY_ALIASES[rawSeverity.toLowerCase()] as Severity),
      suggestion: suggestion === '' ? null : suggestion,
      note: note === '' ? null : note,
    });
  }
  return { entries, errors };
}

function rowProblem(
  term: string,
  category: string,
  severity: string,
  suggestion: string,
  note: string,
): string | null {
  if (term === '') return '词条为空';
  if ([...term].length > MAX_TERM_LENGTH) return `词条超过 ${MAX_TERM_LENGTH} 个字`;
  if (CONTROL.test(term) || /[\n\t]/.test(term)) return '词条包含换行、制表符或控制字符';
  if (category === '') return '类别为空（应为 禁用、慎用、推荐 或 规范）';
  if (!CATEGORY_ALIASES[category.toLowerCase()]) {
    return `未知类别“${category}”（应为 禁用/forbidden、慎用/discouraged、推荐/preferred 或 规范/canonical）`;
  }
  if (severity !== '' && !SEVERITY_ALIASES[severity.toLowerCase()]) {
    return `未知级别“${severity}”（应为 错误/error、警告/warning 或 提示/info，可留空）`;
  }
  if ([...suggestion].length > MAX_TEXT_LENGTH) return `建议超过 ${MAX_TEXT_LENGTH} 个字`;
  if ([...note].length > MAX_TEXT_LENGTH) return `备注超过 ${MAX_TEXT_LENGTH} 个字`;
  if (CONTROL.test(suggestion) || CONTROL.test(note)) return '建议或备注包含控制字符';
  if (suggestion !== '' && suggestion === term) return '建议与词条相同';
  return null;
}
