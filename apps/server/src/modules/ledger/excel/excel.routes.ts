import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../../http/auth-hook';
import { activityTypeLabels, activityTypes } from '../activities/activity-kinds';
import { activityListQuery } from '../activities/activity.schema';
import { attachmentDisposition, readUploadedFile } from '../http-files';
import type { LedgerLimits } from '../ledger-limits';
import type { ExcelService } from './excel.service';

const tags = ['台账导入导出'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const typeQuery = z.enum(activityTypes, {
  error: '记录类型须为 meeting、study、publicity、event、training 或 other',
});

export function registerExcelRoutes(
  api: FastifyInstance,
  excel: ExcelService,
  limits: LedgerLimits,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/activities/template',
    {
      config: { permission: 'ledger:record:import' },
      schema: {
        tags,
        summary: '下载 Excel 导入模板（按记录类型）',
        querystring: z.object({ type: typeQuery }),
      },
    },
    async (request, reply) => {
      const bytes = await excel.template(actorOf(request), request.query.type);
      return reply
        .header('Content-Type', XLSX)
        .header(
          'Content-Disposition',
          attachmentDisposition(`${activityTypeLabels[request.query.type]}台账导入模板.xlsx`),
        )
        .send(bytes);
    },
  );
  r.post(
    '/activities/import/excel',
    {
      config: { permission: 'ledger:record:import' },
      schema: {
        tags,
        summary: '上传 Excel 导入台账记录（全部成功或全部不写入）',
        querystring: z.object({ type: typeQuery.optional() }),
        response: { 200: z.object({ created: z.number().int(), skipped: z.number().int() }) },
      },
    },
    async (request) => {
      const file = await readUploadedFile(request, limits.importMaxBytes);
      return excel.importWorkbook(actorOf(request), file.bytes, request.query.type);
    },
  );
  r.get(
    '/activities/export.xlsx',
    {
      config: { permission: 'ledger:record:export' },
      schema: {
        tags,
        summary: '按筛选条件导出 Excel',
        querystring: activityListQuery.omit({ page: true, pageSize: true }),
      },
    },
    async (request, reply) => {
      const bytes = await excel.exportWorkbook(actorOf(request), request.query);
      return reply
        .header('Content-Type', XLSX)
        .header('Content-Disposition', attachmentDisposition('台账记录.xlsx'))
        .send(bytes);
    },
  );
}
