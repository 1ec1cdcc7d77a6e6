import { z } from 'zod';
import { freeTextField, nameField, versionField } from '../../shared/text-rules';
import { cadences, isMonthDay } from '../compliance/compliance-periods';
import { unitTypes } from '../units/units.schema';

export const activityTypes = [
  'meeting',
  'study',
  'publicity',
  'event',
  'training',
  'other',
] as const;
export const trackings = ['activity', 'not_tracked'] as const;
export const countScopes = ['unit', 'subtree'] as const;

const cadence = z.enum(cadences, { error: '周期须为：quarter、half_year、year、event' });
const tracking = z.enum(trackings, {
  error: '判定方式须为：activity（按台账记录）或 not_tracked（暂不判定）',
});
const countScope = z.enum(countScopes, {
  error: '计数范围须为：unit（本单位）或 subtree（本单位及下级）',
});
const subtype = z.string().trim().min(1, { error: '活动子类不能为空' }).max(50);
const monthDay = z.string().refine(isMonthDay, { error: '截止日期须为 MM-DD，例如 07-15' });
const yearField = z.number({ error: '年份必须是数字' }).int().min(2000).max(2100);

export const requirementSchema = z.object({
  id: z.number().int(),
  frameworkId: z.number().int(),
  areaId: z.number().int(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  cadence,
  minCount: z.number().int(),
  deadlines: z.array(z.string()),
  tracking,
  evidenceTypes: z.array(z.string()),
  evidenceSubtypes: z.array(z.string()),
  requireAttendance: z.boolean(),
  countScope,
  unitTypes: z.array(z.string()),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type RequirementDto = z.infer<typeof requirementSchema>;

export const areaSchema = z.object({
  id: z.number().int(),
  frameworkId: z.number().int(),
  name: z.string(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  requirements: z.array(requirementSchema),
});
export type AreaDto = z.infer<typeof areaSchema>;

export const frameworkSummarySchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  sourceId: z.number().int().nullable(),
  version: z.number().int(),
  areaCount: z.number().int(),
  requirementCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FrameworkSummaryDto = z.infer<typeof frameworkSummarySchema>;

export const frameworkSchema = frameworkSummarySchema.extend({ areas: z.array(areaSchema) });
export type FrameworkDto = z.infer<typeof frameworkSchema>;

const requirementFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: '编码只能包含小写字母、数字和连字符' }),
  title: nameField('要求名称', 200),
  description: freeTextField('说明', 2000),
  cadence,
  minCount: z.number().int().min(0).max(1000),
  deadlines: z.array(monthDay).max(4),
  tracking,
  evidenceTypes: z.array(z.enum(activityTypes, { error: '活动类型无效' })).max(6),
  evidenceSubtypes: z.array(subtype).max(50),
  requireAttendance: z.boolean(),
  countScope,
  unitTypes: z.array(z.enum(unitTypes, { error: '单位类型无效' })).max(6),
  sortOrder: z.number().int().min(0).max(100000),
};

export const createRequirementBody = z.strictObject({
  areaId: z.number().int().positive(),
  code: requirementFields.code,
  title: requirementFields.title,
  description: requirementFields.description.optional(),
  cadence,
  minCount: requirementFields.minCount.optional(),
  deadlines: requirementFields.deadlines.optional(),
  tracking,
  evidenceTypes: requirementFields.evidenceTypes.optional(),
  evidenceSubtypes: requirementFields.evidenceSubtypes.optional(),
  requireAttendance: z.boolean().optional(),
  countScope: countScope.optional(),
  unitTypes: requirementFields.unitTypes.optional(),
  sortOrder: requirementFields.sortOrder.optional(),
});
export type CreateRequirementInput = z.infer<typeof createRequirementBody>;

export const updateRequirementBody = z.strictObject({
  version: versionField,
  areaId: z.number().int().positive().optional(),
  title: requirementFields.title.optional(),
  description: requirementFields.description.optional(),
  cadence: cadence.optional(),
  minCount: requirementFields.minCount.optional(),
  deadlines: requirementFields.deadlines.optional(),
  tracking: tracking.optional(),
  evidenceTypes: requirementFields.evidenceTypes.optional(),
  evidenceSubtypes: requirementFields.evidenceSubtypes.optional(),
  requireAttendance: z.boolean().optional(),
  countScope: countScope.optional(),
  unitTypes: requirementFields.unitTypes.optional(),
  sortOrder: requirementFields.sortOrder.optional(),
});
export type UpdateRequirementInput = z.infer<typeof updateRequirementBody>;

export const createAreaBody = z.strictObject({
  name: nameField('领域名称', 50),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const updateAreaBody = z.strictObject({
  version: versionField,
  name: nameField('领域名称', 50).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const createFrameworkBody = z.strictObject({
  year: yearField,
  name: nameField('框架名称', 200).optional(),
  copyFromId: z.number().int().positive().optional().describe('复制哪个框架；缺省时用内置默认框架'),
});
export const updateFrameworkBody = z.strictObject({
  version: versionField,
  name: nameField('框架名称', 200),
});

export const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const subtypeAliasSchema = z.object({
  id: z.number().int(),
  alias: z.string(),
  canonical: z.string(),
});
export type SubtypeAliasDto = z.infer<typeof subtypeAliasSchema>;
export const createSubtypeAliasBody = z.strictObject({ alias: subtype, canonical: subtype });

/** The shape of the built-in default framework data file. */
export const frameworkTemplateSchema = z.object({
  name: z.string(),
  source: z.string(),
  areas: z.array(
    z.object({
      name: z.string(),
      requirements: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          description: z.string().default(''),
          cadence,
          minCount: z.number().int().min(0),
          deadlines: z.array(monthDay).default([]),
          tracking,
          evidenceTypes: z.array(z.enum(activityTypes)).default([]),
          evidenceSubtypes: z.array(z.string()).default([]),
          requireAttendance: z.boolean().default(false),
          countScope: countScope.default('unit'),
          unitTypes: z.array(z.enum(unitTypes)).default([]),
        }),
      ),
    }),
  ),
  subtypeAliases: z.record(z.string(), z.string()),
});
export type FrameworkTemplate = z.infer<typeof frameworkTemplateSchema>;
