import type { FastifyReply, FastifyRequest } from 'fastify';
import '@fastify/multipart';
import { AppError } from '../../errors/app-error';
import { formatBytes } from './ledger-limits';

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** Reads the single file of a multipart/form-data request, refusing it above `maxBytes`. */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件');
  }
  try {
    const part = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
    if (!part) throw new AppError('VALIDATION_FAILED', '没有收到文件');
    const bytes = await part.toBuffer();
    return { fileName: part.filename, bytes };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (
      code === 'FST_REQ_FILE_TOO_LARGE' ||
      code === 'FST_FILES_LIMIT' ||
      code === 'FST_PARTS_LIMIT'
    ) {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${formatBytes(maxBytes)} 的上限`);
    }
    throw new AppError('BAD_REQUEST', '上传的文件无法读取');
  }
}

/** `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'download';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends bytes as a download: never rendered inline, never type-sniffed by the browser. */
export function sendAttachment(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Buffer | string },
) {
  return reply
    .header('Content-Type', file.contentType)
    .header('Content-Disposition', attachmentDisposition(file.fileName))
    .header('X-Content-Type-Options', 'nosniff')
    .header('Content-Security-Policy', "default-src 'none'; sandbox")
    .header('Cache-Control', 'private, no-store')
    .send(file.bytes);
}
