import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../http/auth-hook';
import type { DashboardService } from './dashboard.service';
import { dashboardOverview, dashboardSummary } from './dashboard.schema';

const tags = ['工作台'];

export function registerDashboardRoutes(api: FastifyInstance, dashboard: DashboardService): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/dashboard/summary',
    {
      config: { permission: 'dashboard:view' },
      schema: { tags, summary: '工作台统计（数据权限内）', response: { 200: dashboardSummary } },
    },
    (request) => dashboard.summary(actorOf(request)),
  );
  r.get(
    '/dashboard/overview',
    {
      config: { permission: 'dashboard:view' },
      schema: {
        tags,
        summary: '工作台概览：到期与逾期的要求、按类型和月份的记录数、最近记录（数据权限内）',
        response: { 200: dashboardOverview },
      },
    },
    (request) => dashboard.overview(actorOf(request)),
  );
}
