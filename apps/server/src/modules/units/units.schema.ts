import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { freeTextField, nameField, versionField } from '../../shared/text-rules';

export const unitTypes = ['党委', '党组', '党工委', '党总支', '党支部', '其他'] as const;
const unitType = z.enum(unitTypes, {
  error: '单位类型须为：党委、党组、党工委、党总支、党支部、其他',
});

export const unitSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  parentName: z.string().nullable(),
  name: z.string(),
  type: z.string(),
  sortOrder: z.number().int(),
  remark: z.string(),
  version: z.number().int(),
  peopleCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UnitDto = z.infer<typeof unitSchema>;

export interface UnitNode {
  id: number;
  parentId: number | null;
  name: string;
  type: string;
  sortOrder: number;
  children: UnitNode[];
}
export const unitNodeSchema: z.ZodType<UnitNode> = z.lazy(() =>
  z.object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    name: z.string(),
    type: z.string(),
    sortOrder: z.number().int(),
    children: z.array(unitNodeSchema),
  }),
);

export const unitListQuery = z.object({
  ...pageQuery,
  keyword: z.string().trim().max(100).optional(),
  type: unitType.optional(),
  parentId: z.coerce.number().int().positive().optional(),
  sort: z.string().max(40).optional(),
});

export const createUnitBody = z.strictObject({
  parentId: z.number({ error: '请选择上级单位' }).int().positive(),
  name: nameField('单位名称'),
  type: unitType,
  sortOrder: z.number().int().min(0).max(100000).optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const updateUnitBody = z.strictObject({
  version: versionField,
  parentId: z.number().int().positive().optional(),
  name: nameField('单位名称').optional(),
  type: unitType.optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const unitPage = pageSchema(unitSchema);
export const unitTreeResponse = z.array(unitNodeSchema);
