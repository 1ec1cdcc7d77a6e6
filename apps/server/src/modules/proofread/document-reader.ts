// Turns an uploaded or local .txt/.md/.docx into text for the proofreader, within limits.
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import { entryDataOffset, readCentralDirectory, ZipFormatError } from './zip-inspector';

export type DocumentReadErrorCode =
  | 'DOCUMENT_EMPTY'
  | 'DOCUMENT_TOO_LARGE'
  | 'DOCUMENT_BINARY'
  | 'DOCUMENT_ENCODING'
  | 'DOCUMENT_UNSUPPORTED_TYPE'
  | 'DOCUMENT_UNREADABLE'
  | 'DOCX_BROKEN'
  | 'DOCX_ZIP_BOMB'
  | 'DOCX_TOO_DEEP'
  | 'DOCX_TIMEOUT'
  | 'DOCX_RESOURCE_LIMIT';

/** HTTP status for each code, for the route that maps these errors. */
export const DOCUMENT_READ_STATUS: Record<DocumentReadErrorCode, number> = {
  DOCUMENT_EMPTY: 400,
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_BINARY: 415,
  DOCUMENT_ENCODING: 415,
  DOCUMENT_UNSUPPORTED_TYPE: 415,
  DOCUMENT_UNREADABLE: 400,
  DOCX_BROKEN: 422,
  DOCX_ZIP_BOMB: 422,
  DOCX_TOO_DEEP: 422,
  DOCX_TIMEOUT: 422,
  DOCX_RESOURCE_LIMIT: 422,
};

/** A document that cannot be read: a stable code and a Chinese message for users. */
export class DocumentReadError extends Error {
  readonly code: DocumentReadErrorCode;
  readonly status: number;

  constructor(code: DocumentReadErrorCode, message: string) {
    super(message);
    this.name = 'DocumentReadError';
    this.code = code;
    this.status = DOCUMENT_READ_STATUS[code];
  }
}

export interface DocumentReadLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** .docx: most entries in the zip. */
  maxEntries: number;
  /** .docx: sum of the declared uncompressed sizes. */
  maxUncompressedBytes: number;
  /** .docx: largest uncompressed/compressed ratio of an entry above 1 MB. */
  maxCompressionRatio: number;
  /** .docx: deepest XML element nesting in word/document.xml. */
  maxXmlDepth: number;
  /** .docx: wall-clock limit for text extraction. */
  timeoutMs: number;
  /** .docx: V8 old-generation heap of the extraction worker. */
  workerHeapMb: number;
}

export const DEFAULT_READ_LIMITS: DocumentReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxEntries: 2000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxXmlDepth: 256,
  timeoutMs: 20_000,
  workerHeapMb: 256,
};

export type DocumentFormat = 'txt' | 'md' | 'docx';

export interface ReadDocument {
  text: string;
  format: DocumentFormat;
  /** Encoding of a text file (utf-8 or gb18030); `docx` for Word documents. */
  encoding: string;
}

const mb = (n: number): string => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

function formatOf(fileName: string): DocumentFormat {
  const ext = extname(fileName).toLowerCase();
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.md' || ext === '.markdown') return 'md';
  if (ext === '.docx') return 'docx';
  if (ext === '.doc' || ext === '.wps') {
    throw new DocumentReadError(
      'DOCUMENT_UNSUPPORTED_TYPE',
      '不支持旧版 .doc/.wps 格式，请在 Word/WPS 中另存为 .docx 后再上传',
    );
  }
  throw new DocumentReadError(
    'DOCUMENT_UNSUPPORTED_TYPE',
    `不支持的文件类型“${ext || '无扩展名'}”，请上传 .docx、.txt 或 .md 文件`,
  );
}

/** Reads a document from memory (an upload); `fileName` decides the format. */
export async function readDocument(
  data: Buffer,
  fileName: string,
  limits: Partial<DocumentReadLimits> = {},
): Promise<ReadDocument> {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  const format = formatOf(fileName);
  if (data.length === 0) throw new DocumentReadError('DOCUMENT_EMPTY', '文件为空');
  if (data.length > lim.maxBytes) {
    throw new DocumentReadError(
      'DOCUMENT_TOO_LARGE',
      `文件大小 ${mb(data.length)} 超过上限 ${mb(lim.maxBytes)}`,
    );
  }
  if (format === 'docx') return { text: await readDocx(data, lim), format, encoding: 'docx' };
  const decoded = decodeText(data);
  // Two or more spaces ending a Markdown line are its hard line break: markup, not text.
  const text = format === 'md' ? decoded.text.replace(/ {2,}(?=\r?\n)/g, '') : decoded.text;
  if (text.trim().length === 0) throw new DocumentReadError('DOCUMENT_EMPTY', '文件中没有文字内容');
  return { text, format, encoding: decoded.encoding };
}

/** Reads a document from disk, refusing oversized files before reading them. */
export async function readDocumentFile(
  path: string,
  limits: Partial<DocumentReadLimits> = {},
): Promise<ReadDocument> {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  formatOf(path);
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new DocumentReadError('DOCUMENT_UNREADABLE', `“${path}”不是文件`);
    size = s.size;
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(
      'DOCUMENT_UNREADABLE',
      `无法读取文件“${path}”：文件不存在或没有权限`,
    );
  }
  if (size > lim.maxBytes) {
    throw new DocumentReadError(
      'DOCUMENT_TOO_LARGE',
      `文件大小 ${mb(size)} 超过上限 ${mb(lim.maxBytes)}`,
    );
  }
  const handle = await open(path, 'r');
  try {
    const data = await handle.readFile();
    return await readDocument(data, path, lim);
  } finally {
    await handle.close();
  }
}

/** UTF-8 (with or without BOM), else GB18030 — common for .txt files saved on Chinese Windows. */
function decodeText(data: Buffer): { text: string; encoding: string } {
  if (data.includes(0)) {
    throw new DocumentReadError('DOCUMENT_BINARY', '文件包含二进制内容，不是纯文本文件');
  }
  let text: string;
  let encoding = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(data);
      encoding = 'gb18030';
    } catch {
      throw new DocumentReadError(
        'DOCUMENT_ENCODING',
        '无法识别文件编码，请保存为 UTF-8 编码的文本文件',
      );
    }
  }
  text = text.replace(/^\uFEFF/, '');
  // Many control characters mean a binary file that happens to decode.
  let control = 0;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  if (control > 8 && control > Math.min(text.length, 65536) * 0.01) {
    throw new DocumentReadError('DOCUMENT_BINARY', '文件包含大量控制字符，不是纯文本文件');
  }
  return { text, encoding };
}

const WORKER_URL = new URL('./docx-worker.js', import.meta.url);

interface WorkerReply {
  ok: boolean;
  text?: string;
  code?: DocumentReadErrorCode;
  message?: string;
}

async function readDocx(data: Buffer, lim: DocumentReadLimits): Promise<string> {
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new DocumentReadError(
      'DOCX_BROKEN',
      '文件不是有效的 .docx 文档（不是 Word 2007 及以上格式）',
    );
  }
  let documentEntry;
  try {
    const entries = readCentralDirectory(data, lim.maxEntries);
    let total = 0;
    for (const e of entries) {
      total += e.uncompressedSize;
      const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
      if (e.uncompressedSize > 1024 * 1024 && ratio > lim.maxCompressionRatio) {
        throw new DocumentReadError(
          'DOCX_ZIP_BOMB',
          `文档内“${e.name}”压缩比异常（${Math.round(ratio)}:1），疑似压缩炸弹，拒绝解析`,
        );
      }
    }
    if (total > lim.maxUncompressedBytes) {
      throw new DocumentReadError(
        'DOCX_ZIP_BOMB',
        `文档解压后总大小 ${mb(total)} 超过上限 ${mb(lim.maxUncompressedBytes)}，拒绝解析`,
      );
    }
    const doc = entries.find((e) => e.name === 'word/document.xml');
    if (!doc || !entries.some((e) => e.name === '[Content_Types].xml')) {
      throw new DocumentReadError(
        'DOCX_BROKEN',
        '压缩包中缺少 Word 正文（word/document.xml），不是有效的 .docx 文档',
      );
    }
    if (doc.method !== 0 && doc.method !== 8) {
      throw new DocumentReadError('DOCX_BROKEN', '文档使用了不支持的压缩方式');
    }
    documentEntry = { ...doc, dataOffset: entryDataOffset(data, doc) };
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw new DocumentReadError('DOCX_BROKEN', `.docx 文档已损坏：${error.message}`);
    }
    throw error;
  }
  return extractInWorker(data, documentEntry, lim);
}

function extractInWorker(
  data: Buffer,
  documentEntry: {
    dataOffset: number;
    compressedSize: number;
    uncompressedSize: number;
    method: number;
  },
  lim: DocumentReadLimits,
): Promise<string> {
  // Copy into a transferable buffer so the worker owns its input.
  const copy = new Uint8Array(data.length);
  copy.set(data);
  const worker = new Worker(WORKER_URL, {
    workerData: { buffer: copy.buffer, documentEntry, maxXmlDepth: lim.maxXmlDepth },
    transferList: [copy.buffer],
    resourceLimits: {
      maxOldGenerationSizeMb: lim.workerHeapMb,
      maxYoungGenerationSizeMb: 32,
      stackSizeMb: 4,
    },
    stdout: true,
    stderr: true,
  });
  return new Promise<string>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(
          new DocumentReadError(
            'DOCX_TIMEOUT',
            `解析 .docx 超过 ${lim.timeoutMs / 1000} 秒，已中止`,
          ),
        ),
      );
    }, lim.timeoutMs);
    worker.on('message', (reply: WorkerReply) => {
      finish(() => {
        if (reply.ok) {
          const text = reply.text ?? '';
          if (text.trim().length === 0)
            reject(new DocumentReadError('DOCUMENT_EMPTY', '文档中没有文字内容'));
          else resolve(text);
        } else {
          reject(
            new DocumentReadError(
              reply.code ?? 'DOCX_BROKEN',
              reply.message ?? '无法解析 .docx 文档',
            ),
          );
        }
      });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(() => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          reject(
            new DocumentReadError('DOCX_RESOURCE_LIMIT', '解析 .docx 占用内存超过上限，已中止'),
          );
        } else {
          reject(
            new DocumentReadError(
              'DOCX_BROKEN',
              `无法解析 .docx 文档（${error.message.slice(0, 200)}）`,
            ),
          );
        }
      });
    });
    worker.on('exit', (code) => {
      finish(() =>
        reject(new DocumentReadError('DOCX_BROKEN', `解析 .docx 的工作线程意外退出（${code}）`)),
      );
    });
  });
}
