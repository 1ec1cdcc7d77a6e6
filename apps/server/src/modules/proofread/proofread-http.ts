// Multipart uploads for the proofreader's routes (downloads go through ledger/http-files).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError } from '../../errors/app-error';

export interface UploadedForm {
  fileName: string;
  bytes: Buffer;
  /** Text fields sent along with the file. */
  fields: Record<string, string>;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Makes multipart available in this scope unless a parent already registered it (the plugin
 * decorates requests and may only be registered once along a scope chain).
 */
export async function ensureMultipart(scope: FastifyInstance): Promise<void> {
  if (!scope.hasRequestDecorator('isMultipart')) await scope.register(multipart);
}

/** Reads one file (field `file`) and a few short text fields; refuses the file above `maxBytes`. */
export async function readUploadForm(
  request: FastifyRequest,
  maxBytes: number,
): Promise<UploadedForm> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 方式上传文件');
  }
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 12 },
    });
    for await (const part of parts) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        file = { fileName: part.filename || 'upload', bytes };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', `文件超过 ${mb(maxBytes)} 的上限`);
    }
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      throw new AppError('PAYLOAD_TOO_LARGE', '一次只能上传一个文件');
    }
    throw new AppError('BAD_REQUEST', '上传的内容无法读取，请重新选择文件');
  }
  if (!file) throw new AppError('VALIDATION_FAILED', '没有收到文件，请选择要上传的文件');
  return { ...file, fields };
}
