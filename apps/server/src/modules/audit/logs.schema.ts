import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';

// Log days are China Standard Time days (UTC+8, no daylight saving): the people filtering the
// logs live there, while created_at is stored in UTC.
const DAY_OFFSET = '+08:00';
const DAY_MS = 86_400_000;

function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function day(label: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}须为 YYYY-MM-DD 格式的日期` })
    .refine(isCalendarDay, { error: `${label}不是有效的日期` });
}

/** `from` day → inclusive lower bound on created_at. */
const fromDay = day('开始日期').transform((d) =>
  new Date(`${d}T00:00:00.000${DAY_OFFSET}`).toISOString(),
);
/** `to` day (inclusive) → exclusive upper bound: the start of the next day. */
const toDay = day('结束日期').transform((d) =>
  new Date(new Date(`${d}T00:00:00.000${DAY_OFFSET}`).getTime() + DAY_MS).toISOString(),
);

export const loginLogQuery = z.object({
  ...pageQuery,
  username: z.string().trim().max(64).optional(),
  success: z
    .enum(['true', 'false'], { error: '登录结果须为 true 或 false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  from: fromDay.optional(),
  to: toDay.optional(),
});

export const operationLogQuery = z.object({
  ...pageQuery,
  username: z.string().trim().max(64).optional(),
  action: z.string().trim().max(40).optional(),
  entity: z.string().trim().max(40).optional(),
  entityId: z.string().trim().max(40).optional(),
  from: fromDay.optional(),
  to: toDay.optional(),
});

export const loginLogSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  ip: z.string(),
  userAgent: z.string(),
  success: z.boolean(),
  message: z.string(),
  createdAt: z.string(),
});
export type LoginLogDto = z.infer<typeof loginLogSchema>;

export const operationLogSchema = z.object({
  id: z.number().int(),
  userId: z.number().int().nullable(),
  username: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string(),
  createdAt: z.string(),
});
export type OperationLogDto = z.infer<typeof operationLogSchema>;

export const loginLogPage = pageSchema(loginLogSchema);
export const operationLogPage = pageSchema(operationLogSchema);
