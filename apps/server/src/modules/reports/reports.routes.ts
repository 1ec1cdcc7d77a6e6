import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth-hook';
import { idParam } from '../../shared/text-rules';
import { sendAttachment } from '../ledger/http-files';
import type { ReportsModule } from './reports.module';
import {
  createReportBody,
  diffQuery,
  diffResponse,
  exportQuery,
  figureList,
  figureRecordsParams,
  figureRecordsQuery,
  figureRecordsResponse,
  previewResponse,
  previewTemplateBody,
  proofreadBody,
  proofreadResponse,
  receivedQuery,
  receivedResponse,
  reportListQuery,
  reportPage,
  reportSchema,
  saveTemplateBody,
  statusBody,
  submitBody,
  templateList,
  templateParams,
  templateSchema,
  updateReportBody,
  versionList,
} from './reports.schema';

const tags = ['报告'];

/** HTTP for reports: parse, authorize, call the service, present. */
export function registerReportRoutes(api: FastifyInstance, module: ReportsModule): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  const { reports, figures, received, templates } = module;

  r.get(
    '/reports',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '报告列表',
        querystring: reportListQuery,
        response: { 200: reportPage },
      },
    },
    (request) => reports.list(actorOf(request), request.query),
  );
  r.get(
    '/reports/received',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '收到的下级报告（含未报送单位）',
        querystring: receivedQuery,
        response: { 200: receivedResponse },
      },
    },
    (request) => received.received(actorOf(request), request.query),
  );
  r.post(
    '/reports',
    {
      config: { permission: 'report:add' },
      schema: {
        tags,
        summary: '根据台账生成报告',
        body: createReportBody,
        response: { 201: reportSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.create(actorOf(request), request.body)),
  );
  r.get(
    '/reports/:id',
    {
      config: { permission: 'report:list' },
      schema: { tags, summary: '报告详情', params: idParam, response: { 200: reportSchema } },
    },
    (request) => reports.get(actorOf(request), request.params.id),
  );
  r.patch(
    '/reports/:id',
    {
      config: { permission: 'report:edit' },
      schema: {
        tags,
        summary: '逐节修改报告（乐观锁，保存为新版本）',
        params: idParam,
        body: updateReportBody,
        response: { 200: reportSchema },
      },
    },
    (request) => reports.update(actorOf(request), request.params.id, request.body),
  );
  r.delete(
    '/reports/:id',
    {
      config: { permission: 'report:remove' },
      schema: { tags, summary: '删除报告', params: idParam },
    },
    async (request, reply) => {
      await reports.remove(actorOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
  r.post(
    '/reports/:id/proofread',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '校对报告（可附未保存的修改）',
        params: idParam,
        body: proofreadBody.optional(),
        response: { 200: proofreadResponse },
      },
    },
    (request) => reports.proofread(actorOf(request), request.params.id, request.body ?? undefined),
  );
  r.post(
    '/reports/:id/status',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '提交审核 / 退回 / 撤回',
        params: idParam,
        body: statusBody,
        response: { 200: reportSchema },
      },
    },
    (request) => reports.changeStatus(actorOf(request), request.params.id, request.body),
  );
  r.post(
    '/reports/:id/submit',
    {
      config: { permission: 'report:submit' },
      schema: {
        tags,
        summary: '报送上级单位',
        params: idParam,
        body: submitBody,
        response: { 200: reportSchema },
      },
    },
    (request) => reports.submit(actorOf(request), request.params.id, request.body.version),
  );
  r.get(
    '/reports/:id/versions',
    {
      config: { permission: 'report:list' },
      schema: { tags, summary: '版本列表', params: idParam, response: { 200: versionList } },
    },
    (request) => reports.versions(actorOf(request), request.params.id),
  );
  r.get(
    '/reports/:id/diff',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '两个版本的逐段差异',
        params: idParam,
        querystring: diffQuery,
        response: { 200: diffResponse },
      },
    },
    (request) =>
      reports.diff(actorOf(request), request.params.id, request.query.from, request.query.to),
  );
  r.get(
    '/reports/:id/preview',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: 'HTML 预览（片段）',
        params: idParam,
        response: { 200: z.object({ html: z.string() }) },
      },
    },
    (request) => reports.preview(actorOf(request), request.params.id),
  );
  r.get(
    '/reports/:id/export',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '导出 Word / HTML / Markdown / JSON',
        params: idParam,
        querystring: exportQuery,
      },
    },
    async (request, reply) =>
      sendAttachment(
        reply,
        await reports.export(actorOf(request), request.params.id, request.query.format),
      ),
  );
  r.get(
    '/reports/:id/figures',
    {
      config: { permission: 'report:list' },
      schema: { tags, summary: '报告中的数字', params: idParam, response: { 200: figureList } },
    },
    (request) => figures.figures(actorOf(request), request.params.id),
  );
  r.get(
    '/reports/:id/figures/:key/records',
    {
      config: { permission: 'report:list' },
      schema: {
        tags,
        summary: '数字背后的台账记录',
        params: figureRecordsParams,
        querystring: figureRecordsQuery,
        response: { 200: figureRecordsResponse },
      },
    },
    (request) =>
      figures.records(
        actorOf(request),
        request.params.id,
        request.params.key,
        request.query.page,
        request.query.pageSize,
      ),
  );

  r.get(
    '/report-templates',
    {
      config: { permission: 'report:list' },
      schema: { tags, summary: '报告模板', response: { 200: templateList } },
    },
    () => templates.list(),
  );
  r.put(
    '/report-templates/:kind',
    {
      config: { permission: 'report:template' },
      schema: {
        tags,
        summary: '保存报告模板（LiquidJS）',
        params: templateParams,
        body: saveTemplateBody,
        response: { 200: templateSchema },
      },
    },
    (request) =>
      templates.save(
        actorOf(request),
        request.params.kind,
        request.body.body,
        request.body.version ?? null,
      ),
  );
  r.delete(
    '/report-templates/:kind',
    {
      config: { permission: 'report:template' },
      schema: {
        tags,
        summary: '恢复默认模板',
        params: templateParams,
        response: { 200: templateSchema },
      },
    },
    (request) => templates.reset(actorOf(request), request.params.kind),
  );
  r.post(
    '/report-templates/preview',
    {
      config: { permission: 'report:template' },
      schema: {
        tags,
        summary: '模板实时预览（用真实台账数据渲染，不保存）',
        body: previewTemplateBody,
        response: { 200: previewResponse },
      },
    },
    (request) => reports.previewTemplate(actorOf(request), request.body),
  );
}
