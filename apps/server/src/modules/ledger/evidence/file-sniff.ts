import path from 'node:path';
import { zipEntryNames } from './zip-entries';

/** The file kinds accepted as evidence, with the type they are stored and served as. */
export const evidenceKinds = {
  jpeg: { mime: 'image/jpeg', label: 'JPEG 图片', extensions: ['.jpg', '.jpeg'] },
  png: { mime: 'image/png', label: 'PNG 图片', extensions: ['.png'] },
  gif: { mime: 'image/gif', label: 'GIF 图片', extensions: ['.gif'] },
  webp: { mime: 'image/webp', label: 'WebP 图片', extensions: ['.webp'] },
  pdf: { mime: 'application/pdf', label: 'PDF 文档', extensions: ['.pdf'] },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（.docx）',
    extensions: ['.docx'],
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（.xlsx）',
    extensions: ['.xlsx'],
  },
  text: { mime: 'text/plain; charset=utf-8', label: '纯文本', extensions: ['.txt', '.md', '.csv'] },
} as const;
export type EvidenceKind = keyof typeof evidenceKinds;

/** What the bytes really are; `kind` is null for anything outside the allow-list. */
export interface SniffResult {
  kind: EvidenceKind | null;
  /** A Chinese description of what was found, for error messages. */
  found: string;
}

const startsWith = (buffer: Buffer, bytes: number[], at = 0) =>
  buffer.length >= at + bytes.length && bytes.every((b, i) => buffer[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const MARKUP =
  /<\s*(!doctype|html|head|body|script|svg|iframe|object|embed|\?xml|meta|a\s|img\s|div|style)/i;
// eslint-disable-next-line no-control-regex -- binary detection is exactly about control bytes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

function sniffText(buffer: Buffer): SniffResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return { kind: null, found: '无法识别的二进制文件' };
  }
  if (CONTROL.test(text)) return { kind: null, found: '无法识别的二进制文件' };
  if (MARKUP.test(text)) return { kind: null, found: 'HTML/SVG/XML 标记文本' };
  return { kind: 'text', found: evidenceKinds.text.label };
}

/** Identifies a file by its magic bytes (and, for ZIP, by the entries an Office file must have). */
export function sniffFile(buffer: Buffer): SniffResult {
  const ok = (kind: EvidenceKind): SniffResult => ({ kind, found: evidenceKinds[kind].label });
  if (buffer.length === 0) return { kind: null, found: '空文件' };
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return ok('jpeg');
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok('png');
  if (startsWith(buffer, ascii('GIF87a')) || startsWith(buffer, ascii('GIF89a'))) return ok('gif');
  if (startsWith(buffer, ascii('RIFF')) && startsWith(buffer, ascii('WEBP'), 8)) return ok('webp');
  if (startsWith(buffer, ascii('%PDF-'))) return ok('pdf');
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(buffer);
    if (names?.includes('[Content_Types].xml')) {
      if (names.includes('word/document.xml')) return ok('docx');
      if (names.includes('xl/workbook.xml')) return ok('xlsx');
    }
    return { kind: null, found: 'ZIP 压缩包' };
  }
  if (startsWith(buffer, ascii('MZ')) || startsWith(buffer, [0x7f, 0x45, 0x4c, 0x46])) {
    return { kind: null, found: '可执行程序' };
  }
  return sniffText(buffer);
}

export type EvidenceCheck =
  { ok: true; kind: EvidenceKind; mime: string } | { ok: false; message: string };

/** Accepts a file only when its bytes are an allowed kind that matches its extension. */
export function checkEvidenceFile(fileName: string, buffer: Buffer): EvidenceCheck {
  const ext = path.extname(fileName).toLowerCase();
  const allowedExts: string[] = Object.values(evidenceKinds).flatMap((k) => [...k.extensions]);
  if (!allowedExts.includes(ext)) {
    return {
      ok: false,
      message: `不支持的文件类型「${ext || '无扩展名'}」：只能上传 JPG、PNG、GIF、WebP 图片，PDF、Word（.docx）、Excel（.xlsx）或纯文本文件`,
    };
  }
  const sniffed = sniffFile(buffer);
  if (!sniffed.kind) {
    return {
      ok: false,
      message: `文件内容与扩展名不符：「${fileName}」实际是${sniffed.found}，不能上传`,
    };
  }
  const kind = evidenceKinds[sniffed.kind];
  if (!(kind.extensions as readonly string[]).includes(ext)) {
    return { ok: false, message: `文件内容与扩展名不符：「${fileName}」实际是${kind.label}` };
  }
  return { ok: true, kind: sniffed.kind, mime: kind.mime };
}
