import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { ComplianceService } from './compliance.service';
import {
  complianceQuery,
  complianceRecords,
  complianceRecordsQuery,
  complianceReport,
  complianceSubtreeReport,
  todoQuery,
  todoResponse,
} from './compliance.schema';

const tags = ['责任落实'];

export function registerComplianceRoutes(
  api: FastifyInstance,
  compliance: ComplianceService,
): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/compliance',
    {
      config: { permission: 'compliance:view' },
      schema: {
        tags,
        summary:
          '责任落实情况：单位 × 要求的达标状态、满足要求的台账记录和汇总（含下级单位时为紧凑的列式结构）',
        querystring: complianceQuery,
        response: { 200: z.union([complianceReport, complianceSubtreeReport]) },
      },
      // A subtree's report has tens of thousands of cells the service builds to the schema's
      // shape (typed): re-validating it per request cost more than the SQL.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    (request) => compliance.status(actorOf(request), request.query),
  );
  r.get(
    '/compliance/records',
    {
      config: { permission: 'compliance:view' },
      schema: {
        tags,
        summary: '某单位某要求在某周期内计入的台账记录（汇总表中点开的单元格）',
        querystring: complianceRecordsQuery,
        response: { 200: complianceRecords },
      },
    },
    (request) => compliance.records(actorOf(request), request.query),
  );
  r.get(
    '/compliance/todo',
    {
      config: { permission: 'compliance:view' },
      schema: {
        tags,
        summary: '待办：数据权限内即将到期和已逾期未完成的要求',
        querystring: todoQuery,
        response: { 200: todoResponse },
      },
    },
    (request) => compliance.todo(actorOf(request), request.query),
  );
}
