import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { freeTextField, nameField, versionField } from '../../shared/text-rules';

/** Largest term file accepted (TSV or .xlsx), in bytes. */
export const MAX_TERM_FILE_BYTES = 30 * 1024 * 1024;
/** Most rows one term list version may hold. */
export const MAX_TERM_ROWS = 200_000;

export const termCategories = ['forbidden', 'discouraged', 'preferred', 'canonical'] as const;

export const termListSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  name: z.string(),
  remark: z.string(),
  currentVersionId: z.number().int().nullable(),
  currentVersionNumber: z.number().int().nullable(),
  entryCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TermListDto = z.infer<typeof termListSchema>;

export const termListsResponse = z.object({ items: z.array(termListSchema) });

export const termListQuery = z.object({
  unitId: z.coerce.number().int().positive().optional().describe('只看某单位的词表'),
});

export const createTermListBody = z.strictObject({
  unitId: z.number().int().positive().optional().describe('所属单位；默认为当前用户所在单位'),
  name: nameField('词表名称', 60),
  remark: freeTextField('备注', 500).optional(),
});

export const updateTermListBody = z.strictObject({
  name: nameField('词表名称', 60).optional(),
  remark: freeTextField('备注', 500).optional(),
  version: versionField,
});

export const termListVersionSchema = z.object({
  id: z.number().int(),
  listId: z.number().int(),
  number: z.number().int(),
  source: z.string(),
  copiedFromNumber: z.number().int().nullable(),
  entryCount: z.number().int(),
  current: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TermListVersionDto = z.infer<typeof termListVersionSchema>;

export const termListVersionsResponse = z.object({ items: z.array(termListVersionSchema) });

export const versionParams = z.object({
  id: z.coerce.number().int().positive(),
  versionId: z.coerce.number().int().positive(),
});

export const termEntrySchema = z.object({
  row: z.number().int(),
  term: z.string(),
  category: z.enum(termCategories),
  severity: z.enum(['error', 'warning', 'info']).nullable(),
  suggestion: z.string().nullable(),
  note: z.string().nullable(),
});
export type TermEntryDto = z.infer<typeof termEntrySchema>;

export const termEntryQuery = z.object({
  ...pageQuery,
  versionId: z.coerce.number().int().positive().optional().describe('默认当前版本'),
  keyword: z.string().trim().max(100).optional(),
});
export const termEntryPage = pageSchema(termEntrySchema);

export const termExportQuery = z.object({
  versionId: z.coerce.number().int().positive().optional().describe('默认当前版本'),
});

export const templateQuery = z.object({
  format: z.enum(['xlsx', 'tsv']).default('xlsx'),
});
