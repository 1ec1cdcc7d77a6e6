import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/auth-hook';
import { idParam } from '../../../shared/text-rules';
import type { EvidenceService } from '../evidence/evidence.service';
import { readUploadedFile, sendAttachment } from '../http-files';
import type { LedgerLimits } from '../ledger-limits';
import type { ActivitiesService } from './activities.service';
import { ledgerVocabulary, vocabulary } from './activity-kinds';
import {
  activityHistory,
  activityInput,
  activityListQuery,
  activityPage,
  activitySchema,
  evidenceSchema,
  updateActivityBody,
} from './activity.schema';

const tags = ['工作台账'];

export function registerActivityRoutes(
  api: FastifyInstance,
  activities: ActivitiesService,
  evidence: EvidenceService,
  limits: LedgerLimits,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const list = { permission: 'ledger:record:list' };
  const edit = { permission: 'ledger:record:edit' };
  r.get(
    '/activities',
    {
      config: list,
      schema: {
        tags,
        summary: '台账记录列表（筛选、搜索、分页）',
        querystring: activityListQuery,
        response: { 200: activityPage },
      },
    },
    (request) => activities.list(actorOf(request), request.query),
  );
  r.get(
    '/ledger/vocabulary',
    {
      config: list,
      schema: {
        tags,
        summary: '记录类型、常用子类型和工作领域（表单与模板用）',
        response: { 200: ledgerVocabulary },
      },
    },
    () => vocabulary(),
  );
  r.get(
    '/activities/:id',
    {
      config: list,
      schema: { tags, summary: '台账记录详情', params: idParam, response: { 200: activitySchema } },
    },
    (request) => activities.get(actorOf(request), request.params.id),
  );
  r.get(
    '/activities/:id/history',
    {
      config: list,
      schema: {
        tags,
        summary: '修改历史（来自操作日志）',
        params: idParam,
        response: { 200: activityHistory },
      },
    },
    (request) => activities.history(actorOf(request), request.params.id),
  );
  r.post(
    '/activities',
    {
      config: { permission: 'ledger:record:add' },
      schema: {
        tags,
        summary: '新增台账记录',
        body: activityInput,
        response: { 201: activitySchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await activities.create(actorOf(request), request.body)),
  );
  r.patch(
    '/activities/:id',
    {
      config: edit,
      schema: {
        tags,
        summary: '修改台账记录（乐观锁）',
        params: idParam,
        body: updateActivityBody,
        response: { 200: activitySchema },
      },
    },
    (request) => activities.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/activities/:id',
    {
      config: { permission: 'ledger:record:remove' },
      schema: {
        tags,
        summary: '删除台账记录（软删除，可恢复）',
        params: idParam,
        querystring: z.object({ version: z.coerce.number().int().positive().optional() }),
      },
    },
    async (request, reply) => {
      await activities.remove(actorOf(request), request.params.id, request.query.version);
      return reply.status(204).send();
    },
  );
  r.post(
    '/activities/:id/restore',
    {
      config: { permission: 'ledger:record:remove' },
      schema: {
        tags,
        summary: '恢复已删除的台账记录',
        params: idParam,
        response: { 200: activitySchema },
      },
    },
    (request) => activities.restore(actorOf(request), request.params.id),
  );

  r.post(
    '/activities/:id/evidence',
    {
      config: edit,
      schema: {
        tags,
        summary: '上传证明材料（multipart/form-data，字段 file）',
        params: idParam,
        response: { 201: evidenceSchema },
      },
    },
    async (request, reply) => {
      const file = await readUploadedFile(request, limits.evidenceMaxBytes);
      return reply
        .status(201)
        .send(
          await evidence.upload(actorOf(request), request.params.id, file.fileName, file.bytes),
        );
    },
  );
  r.get(
    '/evidence/:id',
    { config: list, schema: { tags, summary: '下载证明材料（附件）', params: idParam } },
    async (request, reply) =>
      sendAttachment(reply, await evidence.download(actorOf(request), request.params.id)),
  );
  r.delete(
    '/evidence/:id',
    { config: edit, schema: { tags, summary: '删除证明材料', params: idParam } },
    async (request, reply) => {
      await evidence.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
