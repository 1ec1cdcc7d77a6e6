import { z } from 'zod';
import { statusCountsSchema, todoItemSchema } from '../compliance/compliance.schema';

export const dashboardSummary = z.object({
  units: z.number().int().describe('数据权限内的单位数'),
  people: z.number().int().describe('数据权限内的人员数'),
  users: z.number().int().describe('数据权限内的用户数'),
});
export type DashboardSummary = z.infer<typeof dashboardSummary>;

export const dashboardOverview = z.object({
  asOf: z.string().describe('统计日期（北京时间）'),
  year: z.number().int(),
  quarter: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  compliance: z.object({
    current: statusCountsSchema.describe('本期（含本季度、本半年、本年度周期）各状态的要求数'),
    yearToDate: statusCountsSchema.describe('本年度截至目前各状态的要求数'),
    dueSoon: z.array(todoItemSchema).describe('即将到期的要求（最急的在前，最多 10 条）'),
    missed: z.array(todoItemSchema).describe('本年度已逾期未完成的要求（最近的在前，最多 10 条）'),
    topMissedUnits: z
      .array(z.object({ unitId: z.number().int(), unitName: z.string(), missed: z.number().int() }))
      .describe('本年度逾期未完成最多的单位（最多 5 个）'),
  }),
  records: z.object({
    total: z.number().int().describe('本年度台账记录数'),
    byType: z.array(z.object({ type: z.string(), count: z.number().int() })),
    byMonth: z
      .array(z.object({ month: z.string(), type: z.string(), count: z.number().int() }))
      .describe('本年度按月、按类型的记录数（供 ECharts 使用）'),
    recent: z.array(
      z.object({
        id: z.number().int(),
        unitId: z.number().int(),
        unitName: z.string(),
        type: z.string(),
        subtype: z.string(),
        date: z.string(),
        title: z.string(),
      }),
    ),
  }),
});
export type DashboardOverview = z.infer<typeof dashboardOverview>;
