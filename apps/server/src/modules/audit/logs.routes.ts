import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { LoginLogRow, OperationLogRow } from '../../db/schema';
import type { AuditRepository } from './audit.repository';
import { loginLogPage, loginLogQuery, operationLogPage, operationLogQuery } from './logs.schema';
import type { LoginLogDto, OperationLogDto } from './logs.schema';

const tags = ['日志审计'];

function parseJsonColumn(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function presentLoginLog(row: LoginLogRow): LoginLogDto {
  return {
    id: row.id,
    username: row.username,
    ip: row.ip,
    userAgent: row.user_agent,
    success: row.success === 1,
    message: row.message,
    createdAt: row.created_at,
  };
}

function presentOperationLog(row: OperationLogRow): OperationLogDto {
  return {
    id: row.id,
    userId: row.user_id,
    username: row.username,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    summary: row.summary,
    before: parseJsonColumn(row.before_json),
    after: parseJsonColumn(row.after_json),
    ip: row.ip,
    createdAt: row.created_at,
  };
}

/** Read-only views of the login log and the operation log, newest first. */
export function registerLogRoutes(api: FastifyInstance, audit: AuditRepository): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/logs/login',
    {
      config: { permission: 'monitor:loginlog:list' },
      schema: {
        tags,
        summary: '登录日志',
        querystring: loginLogQuery,
        response: { 200: loginLogPage },
      },
    },
    async (request) => {
      const { rows, total } = await audit.listLogins(request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentLoginLog), total, page, pageSize };
    },
  );
  r.get(
    '/logs/operations',
    {
      config: { permission: 'monitor:operlog:list' },
      schema: {
        tags,
        summary: '操作日志',
        querystring: operationLogQuery,
        response: { 200: operationLogPage },
      },
    },
    async (request) => {
      const { rows, total } = await audit.listOperations(request.query);
      const { page, pageSize } = request.query;
      return { items: rows.map(presentOperationLog), total, page, pageSize };
    },
  );
}
