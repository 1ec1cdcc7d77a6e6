import { z } from 'zod';
import { versionField } from '../../shared/text-rules';

export const responsibilityRoles = ['第一责任人', '直接责任人', '一岗双责'] as const;
export const frameworkAreas = [
  '组织领导',
  '理论学习',
  '宣传教育',
  '阵地管理',
  '舆情应对',
  '文明创建',
  '队伍建设',
  '督查考核',
] as const;

const role = z.enum(responsibilityRoles, {
  error: '责任类型须为：第一责任人、直接责任人、一岗双责',
});
const areas = z
  .array(z.enum(frameworkAreas, { error: '分管领域不在意识形态工作领域清单中' }))
  .max(frameworkAreas.length);
const year = z
  .number({ error: '请填写年度' })
  .int()
  .min(2000, { error: '年度不能早于 2000 年' })
  .max(2100, { error: '年度不能晚于 2100 年' });

export const responsibilitySchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  personId: z.number().int(),
  personName: z.string(),
  post: z.string(),
  role: z.string(),
  areas: z.array(z.string()),
  year: z.number().int(),
  version: z.number().int(),
});
export type ResponsibilityDto = z.infer<typeof responsibilitySchema>;

export const responsibilityListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const createResponsibilityBody = z.strictObject({
  unitId: z.number({ error: '请选择单位' }).int().positive(),
  personId: z.number({ error: '请选择人员' }).int().positive(),
  role,
  areas: areas.default([]),
  year,
});

export const updateResponsibilityBody = z.strictObject({
  version: versionField,
  role: role.optional(),
  areas: areas.optional(),
});

export const responsibilityList = z.object({ items: z.array(responsibilitySchema) });
