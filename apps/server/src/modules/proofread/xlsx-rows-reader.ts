// Reads the cell texts of the first worksheet of an .xlsx, fast and within memory limits.
// exceljs' full loader takes ~10 s for 10^5 rows and its streaming reader garbles CJK text split
// across chunks, so term uploads read the few parts they need directly: the zip directory is
// vetted first, each part is inflated with a hard output limit, and the XML is scanned with
// regular expressions (cells only; no styles, formulas are read as their cached values).
import { inflateRawSync } from 'node:zlib';
import type { ZipEntry } from './zip-inspector';
import { entryDataOffset, readCentralDirectory, ZipFormatError } from './zip-inspector';

export class XlsxReadError extends Error {}

export interface XlsxRow {
  /** 1-based row number as shown in Excel. */
  row: number;
  /** Texts of columns A, B, C … up to the requested width. */
  cells: string[];
}

export interface XlsxReadLimits {
  maxEntries: number;
  /** Largest inflated size of any one part. */
  maxPartBytes: number;
  /** Largest sum of declared inflated sizes. */
  maxTotalBytes: number;
}

const DEFAULT_LIMITS: XlsxReadLimits = {
  maxEntries: 5000,
  maxPartBytes: 150 * 1024 * 1024,
  maxTotalBytes: 300 * 1024 * 1024,
};

const P = '(?:[A-Za-z_][\\w.-]*:)?'; // optional namespace prefix, e.g. `x:`

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number.parseInt(e.slice(1), 10))
          : (ENTITIES[e] as string),
    )
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

/** Concatenated `<t>` texts of a string item, without phonetic runs. */
const PHONETIC = new RegExp(`<${P}rPh\\b[\\s\\S]*?</${P}rPh>`, 'g');
const TEXT_RUN = new RegExp(`<${P}t(?:\\s[^>]*)?>([\\s\\S]*?)</${P}t>`, 'g');

function stringItemText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const m of body.matchAll(TEXT_RUN)) {
    text += m[1] ?? '';
  }
  return decodeXml(text);
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n;
}

const attrPatterns = new Map<string, RegExp>();
function attr(attrs: string, name: string): string | undefined {
  let pattern = attrPatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`);
    attrPatterns.set(name, pattern);
  }
  return pattern.exec(attrs)?.[1];
}

/** Rows of the workbook's first sheet with any non-empty cell among the first `width` columns. */
export function readXlsxRows(
  bytes: Buffer,
  width: number,
  limits: Partial<XlsxReadLimits> = {},
): XlsxRow[] {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  let entries: ZipEntry[];
  try {
    entries = readCentralDirectory(bytes, lim.maxEntries);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new XlsxReadError(`文件已损坏：${error.message}`);
    throw error;
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > lim.maxTotalBytes) throw new XlsxReadError('文件解压后过大，疑似压缩炸弹，拒绝解析');
  const byName = new Map(entries.map((e) => [e.name, e]));

  const part = (name: string): string | null => {
    const entry = byName.get(name);
    if (!entry) return null;
    if (entry.uncompressedSize > lim.maxPartBytes)
      throw new XlsxReadError('文件解压后过大，拒绝解析');
    let data: Buffer;
    try {
      const start = entryDataOffset(bytes, entry);
      const raw = bytes.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) data = raw;
      else if (entry.method === 8)
        data = inflateRawSync(raw, { maxOutputLength: lim.maxPartBytes });
      else throw new XlsxReadError('文件使用了不支持的压缩方式');
    } catch (error) {
      if (error instanceof XlsxReadError) throw error;
      if (error instanceof RangeError)
        throw new XlsxReadError('文件解压后过大，疑似压缩炸弹，拒绝解析');
      throw new XlsxReadError('文件已损坏，无法解压');
    }
    return data.toString('utf8');
  };

  const workbook = part('xl/workbook.xml');
  if (workbook === null) throw new XlsxReadError('文件不是有效的 .xlsx 工作簿');
  const sheetPath = firstSheetPath(workbook, part('xl/_rels/workbook.xml.rels'), byName);
  const sheet = sheetPath ? part(sheetPath) : null;
  if (sheet === null) throw new XlsxReadError('工作簿中没有工作表');

  const sharedXml = part('xl/sharedStrings.xml');
  const shared: string[] = [];
  if (sharedXml !== null) {
    for (const m of sharedXml.matchAll(
      new RegExp(`<${P}si>([\\s\\S]*?)</${P}si>|<${P}si/>`, 'g'),
    )) {
      shared.push(m[1] === undefined ? '' : stringItemText(m[1]));
    }
  }

  const rows: XlsxRow[] = [];
  const rowPattern = new RegExp(`<${P}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}row>)`, 'g');
  const cellPattern = new RegExp(`<${P}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${P}c>)`, 'g');
  const valuePattern = new RegExp(`<${P}v>([\\s\\S]*?)</${P}v>`);
  const inlinePattern = new RegExp(`<${P}is>([\\s\\S]*?)</${P}is>`);
  let lastRow = 0;
  for (const rm of sheet.matchAll(rowPattern)) {
    const rowNumber = Number(attr(rm[1] ?? '', 'r') ?? lastRow + 1);
    lastRow = rowNumber;
    const body = rm[2];
    if (!body) continue;
    const cells: string[] = new Array<string>(width).fill('');
    let lastColumn = 0;
    for (const cm of body.matchAll(cellPattern)) {
      const attrs = cm[1] ?? '';
      const ref = attr(attrs, 'r');
      const column = ref ? columnIndex(ref) : lastColumn + 1;
      lastColumn = column;
      if (column < 1 || column > width || !cm[2]) continue;
      const type = attr(attrs, 't');
      let text: string;
      if (type === 'inlineStr') {
        text = stringItemText(inlinePattern.exec(cm[2])?.[1] ?? '');
      } else {
        const raw = valuePattern.exec(cm[2])?.[1];
        if (raw === undefined) continue;
        text = type === 's' ? (shared[Number(raw)] ?? '') : decodeXml(raw);
      }
      cells[column - 1] = text;
    }
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
  }
  return rows;
}

function firstSheetPath(
  workbook: string,
  rels: string | null,
  byName: Map<string, ZipEntry>,
): string | null {
  const sheet = new RegExp(`<${P}sheet\\b([^>]*)/?>`).exec(workbook);
  const relId = sheet ? /\s[\w.-]+:id="([^"]+)"/.exec(sheet[1] ?? '')?.[1] : undefined;
  if (relId && rels) {
    for (const m of rels.matchAll(new RegExp(`<${P}Relationship\\b([^>]*)/?>`, 'g'))) {
      const attrs = m[1] ?? '';
      if (attr(attrs, 'Id') !== relId) continue;
      const target = attr(attrs, 'Target') ?? '';
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      if (byName.has(path)) return path;
    }
  }
  if (byName.has('xl/worksheets/sheet1.xml')) return 'xl/worksheets/sheet1.xml';
  return [...byName.keys()].find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)) ?? null;
}
