import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { freeTextField, nameField, versionField } from '../../shared/text-rules';
import { unitFilterQuery, versionedRowFields } from '../versioned-rows/versioned-row.schema';

const gender = z.enum(['男', '女'], { error: '性别须为“男”或“女”' }).nullable();
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确' })
  .nullable();

export const personSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  post: z.string(),
  gender: z.string().nullable(),
  phone: z.string().nullable(),
  remark: z.string(),
  ...versionedRowFields,
});
export type PersonDto = z.infer<typeof personSchema>;

export const personListQuery = z.object({
  ...pageQuery,
  ...unitFilterQuery,
  keyword: z.string().trim().max(100).optional(),
  sort: z.string().max(40).optional(),
});

export const createPersonBody = z.strictObject({
  unitId: z.number({ error: '请选择所属单位' }).int().positive(),
  name: nameField('姓名', 50),
  post: nameField('职务', 100).optional().default(''),
  gender: gender.optional(),
  phone: phone.optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const updatePersonBody = z.strictObject({
  version: versionField,
  unitId: z.number().int().positive().optional(),
  name: nameField('姓名', 50).optional(),
  post: nameField('职务', 100).optional(),
  gender: gender.optional(),
  phone: phone.optional(),
  remark: freeTextField('备注', 500).optional(),
});

export const personPage = pageSchema(personSchema);
