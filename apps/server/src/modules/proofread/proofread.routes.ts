import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/auth-hook';
import { sendAttachment } from '../ledger/http-files';
import { ensureMultipart, readUploadForm } from './proofread-http';
import { XLSX_TYPE } from './proofread-excel';
import {
  checkFileFields,
  checkFileResultSchema,
  checkResultSchema,
  checkTextBody,
  exportDocxBody,
  exportFindingsBody,
  MAX_CHECK_FILE_BYTES,
  MAX_CHECK_TEXT_BYTES,
} from './proofread.schema';
import type { ProofreadModule } from './proofread.module';
import { registerTermListRoutes } from './term-lists.routes';

const tags = ['公文校对'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The proofreader's API: checks of text and files, exports, and the term lists. */
export function registerProofreadRoutes(api: FastifyInstance, module: ProofreadModule): void {
  const { checker: proofread, termLists } = module;
  void api.register(async (scope) => {
    await ensureMultipart(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const config = { permission: 'proofread:check' };

    r.post(
      '/proofread/check',
      {
        config,
        // JSON escapes and CJK bytes: room above the text limit, which the service enforces.
        bodyLimit: MAX_CHECK_TEXT_BYTES * 4,
        schema: {
          tags,
          summary: '校对文字（返回问题列表，格式见“校对结果约定”）',
          body: checkTextBody,
          response: { 200: checkResultSchema },
        },
      },
      (request) => proofread.check(actorOf(request), request.body),
    );

    r.post(
      '/proofread/check-file',
      {
        config,
        schema: {
          tags,
          summary:
            '上传文档校对（multipart/form-data：file 为 .docx/.txt/.md，可选 date、kind、termListIds）',
          response: { 200: checkFileResultSchema },
        },
      },
      async (request) => {
        const form = await readUploadForm(request, MAX_CHECK_FILE_BYTES);
        const parsed = checkFileFields.safeParse(form.fields);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const path = issue?.path.join('.') ?? '';
          const message = issue?.message ?? '参数不正确';
          throw new AppError('VALIDATION_FAILED', `提交的数据不符合要求：${path} ${message}`, [
            { path, message },
          ]);
        }
        return proofread.checkFile(actorOf(request), form, parsed.data);
      },
    );

    r.post(
      '/proofread/export',
      {
        config,
        bodyLimit: 32 * 1024 * 1024,
        schema: { tags, summary: '导出校对结果为 Excel', body: exportFindingsBody },
      },
      async (request, reply) => {
        const file = await proofread.exportFindings(request.body);
        return sendAttachment(reply, { ...file, contentType: XLSX_TYPE });
      },
    );

    r.post(
      '/proofread/export-docx',
      {
        config,
        bodyLimit: MAX_CHECK_TEXT_BYTES * 4,
        schema: {
          tags,
          summary: '将文字按公文格式（GB/T 9704-2012）导出为 Word',
          body: exportDocxBody,
        },
      },
      async (request, reply) => {
        const file = await proofread.exportDocx(request.body);
        return sendAttachment(reply, { ...file, contentType: DOCX_TYPE });
      },
    );

    registerTermListRoutes(scope, termLists);
  });
}
