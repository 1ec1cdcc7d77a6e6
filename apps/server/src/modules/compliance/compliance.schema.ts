import { z } from 'zod';
import { cadences } from './compliance-periods';
import { complianceStatuses } from './compliance-engine';

const status = z.enum(complianceStatuses);
const periodText = z
  .string()
  .trim()
  .regex(/^\d{4}(?:[Qq][1-4]|[Hh][12])?$/, { error: '期间须为 2026、2026H1 或 2026Q1 的形式' });
const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: 'includeSubunits 须为 true 或 false' })
  .transform((v) => v === 'true' || v === '1');

export const complianceQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('缺省为当前用户所在单位'),
  period: periodText.optional().describe('2026Q1、2026H1 或 2026；缺省为当前季度'),
  includeSubunits: booleanText.optional().describe('是否包含下级单位（汇总）'),
  dueSoonDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(180)
    .optional()
    .describe('截止前多少天算“即将到期”，默认 15'),
});
export type ComplianceQuery = z.infer<typeof complianceQuery>;

export const complianceRecordsQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  requirementId: z.coerce.number().int().positive(),
  period: periodText.describe('该要求的周期：2026Q1、2026H1 或 2026'),
  dueSoonDays: z.coerce.number().int().min(0).max(180).optional(),
});
export type ComplianceRecordsQuery = z.infer<typeof complianceRecordsQuery>;

export const todoQuery = z.object({
  dueSoonDays: z.coerce.number().int().min(0).max(180).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const statusCountsSchema = z.object({
  met: z.number().int(),
  due_soon: z.number().int(),
  missed: z.number().int(),
  pending: z.number().int(),
  not_tracked: z.number().int(),
});

export const complianceItemSchema = z.object({
  requirementId: z.number().int(),
  period: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  status,
  count: z.number().int(),
  required: z.number().int(),
  recordIds: z
    .array(z.number().int())
    .describe(
      '满足要求的台账记录编号（最多 50 个，count 为总数）；含下级单位汇总时为空，单元格的记录见 /compliance/records',
    ),
});

export const complianceRecords = complianceItemSchema.extend({ unitId: z.number().int() });
export type ComplianceRecords = z.infer<typeof complianceRecords>;

export const complianceRequirementSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  title: z.string(),
  areaName: z.string(),
  cadence: z.enum(cadences),
  minCount: z.number().int(),
  tracking: z.enum(['activity', 'not_tracked']),
});

export const complianceReport = z.object({
  period: z.object({ key: z.string(), start: z.string(), end: z.string() }),
  asOf: z.string(),
  dueSoonDays: z.number().int(),
  framework: z.object({ id: z.number().int(), year: z.number().int(), name: z.string() }),
  requirements: z.array(complianceRequirementSchema),
  summary: z.object({
    unitCount: z.number().int(),
    counts: statusCountsSchema,
    byRequirement: z.array(
      z.object({ requirementId: z.number().int(), counts: statusCountsSchema }),
    ),
  }),
  units: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      type: z.string(),
      parentId: z.number().int().nullable(),
      counts: statusCountsSchema,
      items: z
        .array(complianceItemSchema)
        .describe('各要求的状态；含下级单位汇总时不逐单位列出“暂不判定”的要求（计入 counts）'),
    }),
  ),
});
export type ComplianceReport = z.infer<typeof complianceReport>;

export const complianceColumnSchema = z.object({
  requirementId: z.number().int(),
  title: z.string(),
  areaName: z.string(),
  period: z.string().describe('该要求的周期：2026Q1、2026H1 或 2026'),
  periodStart: z.string(),
  periodEnd: z.string(),
  deadline: z.string(),
  required: z.number().int(),
});

/**
 * A subtree's report (`includeSubunits=true`), compact: the requirement × period columns once,
 * then per unit only a status code and a count per column. Decodes to the items of a single
 * unit's report without record ids (a clicked cell asks /compliance/records for them).
 */
export const complianceSubtreeReport = complianceReport.omit({ units: true }).extend({
  statusCodes: z.array(status).describe('状态编码表：cells 中的状态码为此数组的下标'),
  columns: z
    .array(complianceColumnSchema)
    .describe('要求 × 周期的列，各单位的 status/count 按此顺序'),
  units: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      type: z.string(),
      parentId: z.number().int().nullable(),
      counts: statusCountsSchema,
      status: z
        .array(z.number().int())
        .describe('每列的状态码（statusCodes 的下标）；-1 表示该要求不适用于此单位'),
      count: z.array(z.number().int()).describe('每列计入的台账记录数'),
    }),
  ),
});
export type ComplianceSubtreeReport = z.infer<typeof complianceSubtreeReport>;

export const todoItemSchema = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  requirementId: z.number().int(),
  requirementTitle: z.string(),
  areaName: z.string(),
  period: z.string(),
  deadline: z.string(),
  daysLeft: z.number().int().describe('距截止日的天数；已逾期为负数'),
  status: z.enum(['due_soon', 'missed']),
  count: z.number().int(),
  required: z.number().int(),
});
export type TodoItem = z.infer<typeof todoItemSchema>;
export const todoResponse = z.object({
  asOf: z.string(),
  items: z.array(todoItemSchema),
  total: z.number().int(),
});
export type TodoResponse = z.infer<typeof todoResponse>;
