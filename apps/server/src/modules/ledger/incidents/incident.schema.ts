import { z } from 'zod';
import { pageQuery, pageSchema } from '../../../shared/pagination';
import { versionField } from '../../../shared/text-rules';
import { incidentSeverities, incidentStatuses } from '../activities/activity-kinds';
import { dateField, ledgerText, linkField } from '../activities/activity.schema';
import { unitFilterQuery, versionedRowFields } from '../../versioned-rows/versioned-row.schema';

const severity = z.enum(incidentSeverities, { error: '等级须为：一般、较大、重大' });
const status = z.enum(incidentStatuses, {
  error: '状态须为 open（待处置）、handling（处置中）或 closed（已办结）',
});

// Public items about the organization and how it responded; nothing about their authors.
export const incidentFields = {
  unitId: z.number({ error: '请选择所属单位' }).int().positive(),
  found: dateField('发现日期'),
  source: ledgerText('来源', 100, true),
  link: linkField().nullable().optional(),
  summary: ledgerText('内容摘要', 5000, true),
  severity,
  status,
  closed: dateField('办结日期').nullable().optional(),
  response: ledgerText('处置情况', 10_000).optional(),
};

export interface IncidentRuleInput {
  found: string;
  status: string;
  closed?: string | null | undefined;
}

/** Closing needs a closing date, not before the finding date; open items have none. */
export function incidentRuleIssues(input: IncidentRuleInput): { path: string; message: string }[] {
  if (input.status === 'closed' && !input.closed)
    return [{ path: 'closed', message: '已办结的舆情须填写办结日期' }];
  if (input.status !== 'closed' && input.closed)
    return [{ path: 'closed', message: '未办结的舆情不能填写办结日期' }];
  if (input.closed && input.closed < input.found)
    return [{ path: 'closed', message: '办结日期不能早于发现日期' }];
  return [];
}

export const incidentInput = z.strictObject(incidentFields).superRefine((value, ctx) => {
  for (const issue of incidentRuleIssues(value))
    ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
});
export type IncidentInput = z.infer<typeof incidentInput>;

export const updateIncidentBody = z.strictObject({
  version: versionField,
  unitId: incidentFields.unitId.optional(),
  found: incidentFields.found.optional(),
  source: incidentFields.source.optional(),
  link: incidentFields.link,
  summary: incidentFields.summary.optional(),
  severity: severity.optional(),
  status: status.optional(),
  closed: incidentFields.closed,
  response: incidentFields.response,
});
export type UpdateIncidentInput = z.infer<typeof updateIncidentBody>;

export const incidentSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  found: z.string(),
  source: z.string(),
  link: z.string().nullable(),
  summary: z.string(),
  severity: z.string(),
  status: z.string(),
  closed: z.string().nullable(),
  response: z.string(),
  externalId: z.string().nullable(),
  ...versionedRowFields,
});
export type IncidentDto = z.infer<typeof incidentSchema>;
export const incidentPage = pageSchema(incidentSchema);

export const incidentListQuery = z.object({
  ...pageQuery,
  ...unitFilterQuery,
  status: status.optional(),
  severity: severity.optional(),
  from: dateField('起始日期').optional(),
  to: dateField('截止日期').optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuery>;
