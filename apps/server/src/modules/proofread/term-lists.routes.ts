import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import { sendAttachment } from '../ledger/http-files';
import { readUploadForm } from './proofread-http';
import { termTemplateTsv, termTemplateWorkbook, XLSX_TYPE } from './proofread-excel';
import {
  createTermListBody,
  MAX_TERM_FILE_BYTES,
  templateQuery,
  termEntryPage,
  termEntryQuery,
  termExportQuery,
  termListQuery,
  termListSchema,
  termListsResponse,
  termListVersionSchema,
  termListVersionsResponse,
  updateTermListBody,
  versionParams,
} from './term-lists.schema';
import type { TermListsService } from './term-lists.service';

const tags = ['公文校对'];

/** Organization term lists: CRUD, versioned uploads, rollback, export, template. */
export function registerTermListRoutes(api: FastifyInstance, termLists: TermListsService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const list = { permission: 'proofread:terms:list' };
  const edit = { permission: 'proofread:terms:edit' };

  r.get(
    '/proofread/term-lists',
    {
      config: list,
      schema: {
        tags,
        summary: '词表列表（数据权限内）',
        querystring: termListQuery,
        response: { 200: termListsResponse },
      },
    },
    async (request) => ({ items: await termLists.list(actorOf(request), request.query.unitId) }),
  );
  r.get(
    '/proofread/term-template',
    {
      config: list,
      schema: { tags, summary: '下载词表模板（xlsx 或 tsv）', querystring: templateQuery },
    },
    async (request, reply) =>
      request.query.format === 'tsv'
        ? sendAttachment(reply, {
            fileName: '词表模板.tsv',
            contentType: 'text/tab-separated-values; charset=utf-8',
            bytes: termTemplateTsv(),
          })
        : sendAttachment(reply, {
            fileName: '词表模板.xlsx',
            contentType: XLSX_TYPE,
            bytes: await termTemplateWorkbook(),
          }),
  );
  r.get(
    '/proofread/term-lists/:id',
    {
      config: list,
      schema: { tags, summary: '词表详情', params: idParam, response: { 200: termListSchema } },
    },
    (request) => termLists.get(actorOf(request), request.params.id),
  );
  r.post(
    '/proofread/term-lists',
    {
      config: { permission: 'proofread:terms:add' },
      schema: {
        tags,
        summary: '新建词表',
        body: createTermListBody,
        response: { 201: termListSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await termLists.create(actorOf(request), request.body)),
  );
  r.patch(
    '/proofread/term-lists/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: '重命名词表、修改备注（乐观锁）',
        params: idParam,
        body: updateTermListBody,
        response: { 200: termListSchema },
      },
    },
    (request) => termLists.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/proofread/term-lists/:id',
    {
      config: { permission: 'proofread:terms:remove' },
      schema: { tags, summary: '删除词表', params: idParam },
    },
    async (request, reply) => {
      await termLists.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/proofread/term-lists/:id/versions',
    {
      config: list,
      schema: {
        tags,
        summary: '词表版本（最新在前；当前版本为最新版本）',
        params: idParam,
        response: { 200: termListVersionsResponse },
      },
    },
    async (request) => ({ items: await termLists.versions(actorOf(request), request.params.id) }),
  );
  r.post(
    '/proofread/term-lists/:id/versions',
    {
      config: edit,
      schema: {
        tags,
        summary:
          '上传词表新版本（multipart/form-data，字段 file：.xlsx 或制表符分隔的 .tsv/.txt；列：词条、类别、级别、建议、备注；任一行有误则整体不导入）',
        params: idParam,
        response: { 201: termListVersionSchema },
      },
    },
    async (request, reply) => {
      const form = await readUploadForm(request, MAX_TERM_FILE_BYTES);
      return reply
        .status(201)
        .send(await termLists.upload(actorOf(request), request.params.id, form));
    },
  );
  r.post(
    '/proofread/term-lists/:id/versions/:versionId/rollback',
    {
      config: edit,
      schema: {
        tags,
        summary: '回滚到较早的版本（复制为新的当前版本）',
        params: versionParams,
        response: { 201: termListVersionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await termLists.rollback(actorOf(request), request.params.id, request.params.versionId),
        ),
  );
  r.get(
    '/proofread/term-lists/:id/entries',
    {
      config: list,
      schema: {
        tags,
        summary: '词条（分页，可搜索；默认当前版本）',
        params: idParam,
        querystring: termEntryQuery,
        response: { 200: termEntryPage },
      },
    },
    (request) => termLists.entries(actorOf(request), request.params.id, request.query),
  );
  r.get(
    '/proofread/term-lists/:id/export',
    {
      config: list,
      schema: {
        tags,
        summary: '导出词表为 Excel（默认当前版本）',
        params: idParam,
        querystring: termExportQuery,
      },
    },
    async (request, reply) => {
      const file = await termLists.exportXlsx(
        actorOf(request),
        request.params.id,
        request.query.versionId,
      );
      return sendAttachment(reply, { ...file, contentType: XLSX_TYPE });
    },
  );
}
