import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../shared/pagination';
import { freeTextField, nameField, versionField } from '../../../shared/text-rules';
import { activityTypes, frameworkAreas } from './activity-kinds';

/** A trimmed free-text field (no markup, no control characters). */
export function ledgerText(label: string, max: number, required = false) {
  const base = z.string({ error: `${label}必须是文本` }).trim();
  return (required ? base.min(1, { error: `${label}不能为空` }) : base).pipe(
    freeTextField(label, max),
  );
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A `YYYY-MM-DD` calendar date (one message per problem). */
export function dateField(label: string) {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message: `${label}须为 YYYY-MM-DD 格式，如 2024-03-28` });
      } else if (!isRealDate(value)) {
        ctx.addIssue({ code: 'custom', message: `${label}不是有效的日期` });
      } else if (value < '1949-10-01' || value > '2100-12-31') {
        ctx.addIssue({ code: 'custom', message: `${label}超出合理范围` });
      }
    });
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export function linkField(label = '链接') {
  return z
    .string({ error: `${label}必须是文本` })
    .trim()
    .max(1000, { error: `${label}不能超过 1000 个字符` })
    .refine(isHttpUrl, { error: `${label}须为以 http:// 或 https:// 开头的有效网址` });
}

const countField = (label: string) =>
  z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(0, { error: `${label}不能为负数` })
    .max(10_000_000, { error: `${label}过大` });

export const attendanceEntry = z.strictObject({
  personId: z.number({ error: '人员编号必须是数字' }).int().positive().optional(),
  name: nameField('姓名', 50).optional(),
  present: z.boolean({ error: '须注明是否出席（present: true/false）' }),
  reason: ledgerText('缺席原因', 200).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceEntry>;

const areaField = z.enum(frameworkAreas, {
  error: `所属领域须为：${frameworkAreas.join('、')}`,
});

/** The fields of an activity record; every type uses the same shape. */
export const activityFields = {
  unitId: z.number({ error: '请选择所属单位' }).int().positive(),
  type: z.enum(activityTypes, {
    error: '记录类型须为 meeting、study、publicity、event、training 或 other',
  }),
  subtype: ledgerText('子类型', 50, true),
  date: dateField('日期'),
  title: ledgerText('标题', 200, true),
  summary: ledgerText('内容摘要', 10_000).optional(),
  participants: countField('参加人数').nullable().optional(),
  topics: z
    .array(ledgerText('学习主题', 200, true), { error: '主题须为文本列表' })
    .max(50, { error: '主题最多 50 个' })
    .optional(),
  attendance: z
    .array(attendanceEntry, { error: '出席情况须为列表' })
    .max(2000, { error: '出席名单最多 2000 人' })
    .optional(),
  speakers: z
    .array(nameField('主讲人', 50), { error: '主讲人须为姓名列表' })
    .max(20, { error: '主讲人最多 20 位' })
    .optional(),
  outlet: ledgerText('发布媒体或平台', 100).nullable().optional(),
  link: linkField().nullable().optional(),
  audience: countField('受众人数').nullable().optional(),
  areas: z.array(areaField, { error: '所属领域须为列表' }).max(frameworkAreas.length).optional(),
};

export interface RuleIssue {
  path: string;
  message: string;
}

type RuleInput = {
  type: string;
  subtype: string;
  participants?: number | null | undefined;
  attendance?: AttendanceInput[] | undefined;
  speakers?: string[] | undefined;
  outlet?: string | null | undefined;
  audience?: number | null | undefined;
  areas?: string[] | undefined;
};

/** Rules that depend on the record type and on several fields together. */
export function activityRuleIssues(input: RuleInput): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const attendance = input.attendance ?? [];
  const seen = new Set<string>();
  attendance.forEach((entry, i) => {
    const who = entry.name ?? (entry.personId ? `编号 ${entry.personId}` : '');
    if (entry.personId === undefined && !entry.name) {
      issues.push({ path: `attendance.${i}`, message: `出席名单第 ${i + 1} 项须填写人员或姓名` });
    }
    if (!entry.present && !entry.reason) {
      issues.push({
        path: `attendance.${i}.reason`,
        message: `缺席人员「${who}」须填写缺席原因`,
      });
    }
    const key = entry.personId !== undefined ? `#${entry.personId}` : `@${entry.name ?? ''}`;
    if (seen.has(key)) {
      issues.push({ path: `attendance.${i}`, message: `出席名单中「${who}」重复` });
    }
    seen.add(key);
  });
  const present = attendance.filter((a) => a.present).length;
  if (input.participants != null && input.participants < present) {
    issues.push({
      path: 'participants',
      message: `参加人数（${input.participants}）少于出席名单中的出席人数（${present}）`,
    });
  }
  if (input.type === 'study' && input.subtype === '中心组学习' && attendance.length === 0) {
    issues.push({
      path: 'attendance',
      message: '中心组学习须登记出席情况（出席人员，缺席人员及原因）',
    });
  }
  if (input.type !== 'study' && (input.speakers?.length ?? 0) > 0) {
    issues.push({ path: 'speakers', message: '只有学习类记录可以填写主讲人' });
  }
  if (input.type === 'publicity') {
    if (input.subtype === '宣讲') {
      if (input.audience == null) {
        issues.push({ path: 'audience', message: '宣讲须填写受众人数' });
      }
    } else if (!input.outlet) {
      issues.push({
        path: 'outlet',
        message: '宣传类记录须填写发布媒体或平台（如“青川日报”“微信公众号”）',
      });
    }
  } else if (input.audience != null) {
    issues.push({ path: 'audience', message: '只有宣传类记录可以填写受众人数' });
  }
  const areas = input.areas ?? [];
  if (new Set(areas).size !== areas.length) {
    issues.push({ path: 'areas', message: '所属领域有重复' });
  }
  return issues;
}

/** A complete activity record as submitted (API create, Excel row, interchange line). */
export const activityInput = z.strictObject(activityFields).superRefine((value, ctx) => {
  for (const issue of activityRuleIssues(value)) {
    ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }
});
export type ActivityInput = z.infer<typeof activityInput>;

const f = activityFields;
/** A partial update; the merged record is validated again as a whole. */
export const updateActivityBody = z.strictObject({
  version: versionField,
  unitId: f.unitId.optional(),
  type: f.type.optional(),
  subtype: f.subtype.optional(),
  date: f.date.optional(),
  title: f.title.optional(),
  summary: f.summary,
  participants: f.participants,
  topics: f.topics,
  attendance: f.attendance,
  speakers: f.speakers,
  outlet: f.outlet,
  link: f.link,
  audience: f.audience,
  areas: f.areas,
});
export type UpdateActivityInput = z.infer<typeof updateActivityBody>;

const periodPattern = /^\d{4}(H[12]|Q[1-4])?$/;

export const activityListQuery = z.object({
  ...pageQuery,
  unitId: z.coerce.number().int().positive().optional(),
  includeSubunits: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  type: z.enum(activityTypes).optional(),
  subtype: z.string().trim().max(50).optional(),
  from: dateField('起始日期').optional(),
  to: dateField('截止日期').optional(),
  period: z
    .string()
    .trim()
    .regex(periodPattern, { error: '期间须为 2024、2024H1 或 2024Q2 的形式' })
    .optional(),
  area: z.enum(frameworkAreas).optional(),
  q: z.string().trim().max(100).optional(),
  deleted: z.enum(['only']).optional().describe('only：只看已删除（回收站）'),
  sort: z.string().max(40).optional(),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const attendanceSchema = z.object({
  personId: z.number().int().nullable(),
  name: z.string(),
  present: z.boolean(),
  reason: z.string().nullable(),
});

export const evidenceSchema = z.object({
  id: z.number().int(),
  activityId: z.number().int(),
  fileName: z.string(),
  size: z.number().int(),
  contentType: z.string(),
  hasFile: z.boolean(),
  createdAt: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

export const activitySchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  type: z.enum(activityTypes),
  typeLabel: z.string(),
  subtype: z.string(),
  date: z.string(),
  title: z.string(),
  summary: z.string(),
  participants: z.number().int().nullable(),
  topics: z.array(z.string()),
  attendance: z.array(attendanceSchema),
  speakers: z.array(z.string()),
  outlet: z.string().nullable(),
  link: z.string().nullable(),
  audience: z.number().int().nullable(),
  areas: z.array(z.string()),
  evidence: z.array(evidenceSchema),
  externalId: z.string().nullable(),
  extra: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type ActivityDto = z.infer<typeof activitySchema>;

export const activityListItem = activitySchema
  .omit({ attendance: true, evidence: true, extra: true, summary: true })
  .extend({ evidenceCount: z.number().int() });
export type ActivityListItem = z.infer<typeof activityListItem>;
export const activityPage = pageSchema(activityListItem);

export const historyEntrySchema = z.object({
  id: z.number().int(),
  action: z.string(),
  summary: z.string(),
  username: z.string(),
  createdAt: z.string(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const activityHistory = z.object({ items: z.array(historyEntrySchema) });
export type HistoryEntryDto = z.infer<typeof historyEntrySchema>;
