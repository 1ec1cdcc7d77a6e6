import { DocxWriterError } from './docx-writer-error';
import type { OfficialDocument } from './official-document';

export interface OfficialDocumentLimits {
  /** Most blocks a document may have (default 5,000). */
  maxBlocks?: number;
  /** Most UTF-8 bytes of text a document may have (default 2 MB). */
  maxTextBytes?: number;
}

export const DEFAULT_MAX_BLOCKS = 5000;
export const DEFAULT_MAX_TEXT_BYTES = 2 * 1024 * 1024;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a DocxWriterError when the document is absurdly large or malformed. */
export function validateOfficialDocument(
  doc: OfficialDocument,
  limits: OfficialDocumentLimits = {},
): void {
  const maxBlocks = limits.maxBlocks ?? DEFAULT_MAX_BLOCKS;
  const maxTextBytes = limits.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  if (doc.blocks.length > maxBlocks) {
    throw new DocxWriterError(
      'TOO_MANY_BLOCKS',
      `文档段落过多：${doc.blocks.length} 段，上限 ${maxBlocks} 段`,
    );
  }
  if (doc.title.trim() === '') throw new DocxWriterError('EMPTY_TITLE', '文档标题不能为空');
  let bytes = Buffer.byteLength(doc.title) + Buffer.byteLength(doc.recipient ?? '');
  bytes += Buffer.byteLength(doc.signature ?? '');
  doc.blocks.forEach((block, index) => {
    switch (block.kind) {
      case 'heading':
        if (![1, 2, 3, 4].includes(block.level)) {
          throw new DocxWriterError('INVALID_BLOCK', `第 ${index + 1} 段标题层级无效`);
        }
        bytes += Buffer.byteLength(block.number) + Buffer.byteLength(block.text);
        bytes += Buffer.byteLength(block.body ?? '');
        break;
      case 'paragraph':
        bytes += Buffer.byteLength(block.text);
        break;
      default: {
        const unknown: never = block;
        throw new DocxWriterError(
          'INVALID_BLOCK',
          `第 ${index + 1} 段类型无效：${String(unknown)}`,
        );
      }
    }
    if (bytes > maxTextBytes) {
      throw new DocxWriterError('TEXT_TOO_LARGE', `文档文字过多，上限 ${maxTextBytes} 字节`);
    }
  });
  if (doc.date !== undefined && parseIsoDate(doc.date) === null) {
    throw new DocxWriterError('INVALID_DATE', `成文日期格式应为 YYYY-MM-DD：${doc.date}`);
  }
}

/** Parses `YYYY-MM-DD` into its parts, or null when it is not a real calendar date. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1) return null;
  if (probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Formats `YYYY-MM-DD` as `2024年7月10日` (Arabic numerals, no leading zeros). */
export function formatOfficialDate(value: string): string {
  const parts = parseIsoDate(value);
  if (!parts) throw new DocxWriterError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${value}`);
  return `${parts.year}年${parts.month}月${parts.day}日`;
}
