import { z } from 'zod';
import { CATEGORIES, DOCUMENT_KINDS } from '@taizhang/proofreader';

/** Largest text checked at once, in UTF-8 bytes (pasted or extracted from an upload). */
export const MAX_CHECK_TEXT_BYTES = 2 * 1024 * 1024;
/** Largest uploaded document, in bytes. */
export const MAX_CHECK_FILE_BYTES = 20 * 1024 * 1024;
/** Most findings one export may carry. */
export const MAX_EXPORT_FINDINGS = 20_000;

const isoDate = z
  .string({ error: '日期必须是文本' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (value) => {
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
    },
    { error: '日期无效' },
  );

export const documentKind = z.enum(DOCUMENT_KINDS, {
  error: '文档类型须为：summary（总结）、selfcheck（自查报告）、topical（专题报告）、other（其他）',
});

const termListIds = z
  .array(z.number().int().positive(), { error: '词表编号须为数字数组' })
  .max(20, { error: '一次最多选择 20 个词表' });

export const checkTextBody = z.strictObject({
  text: z.string({ error: '请提供要校对的文字（text）' }),
  date: isoDate.optional().describe('文档日期 YYYY-MM-DD；不填时从文中推断'),
  kind: documentKind.optional().describe('文档类型；不填时从标题推断'),
  termListIds: termListIds
    .optional()
    .describe('使用的词表；不填时使用本单位的全部词表，空数组表示不使用词表'),
});
export type CheckTextBody = z.infer<typeof checkTextBody>;

/** Multipart fields of a file check (all text; lists as comma-separated ids). */
export const checkFileFields = z.object({
  date: isoDate.optional(),
  kind: documentKind.optional(),
  termListIds: z
    .string()
    .regex(/^\s*(\d+\s*(,\s*\d+\s*)*)?$/, { error: '词表编号须为逗号分隔的数字' })
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .map(Number),
    )
    .pipe(termListIds)
    .optional(),
});

export const findingSchema = z.object({
  category: z.enum(CATEGORIES),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  column: z.number().int(),
  length: z.number().int(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
});
export type FindingDto = z.infer<typeof findingSchema>;

export const dateSources = [
  'option',
  'signature',
  'title',
  'mentioned-year',
  'fallback',
  'none',
] as const;

export const checkResultSchema = z.object({
  date: z.string().nullable().describe('检查所依据的文档日期'),
  dateSource: z.enum(dateSources).describe('日期来源：option 指定，其余为推断'),
  dateReason: z.string().describe('日期来源说明'),
  kind: documentKind,
  termLists: z.array(
    z.object({ id: z.number().int(), name: z.string(), versionNumber: z.number().int() }),
  ),
  findings: z.array(findingSchema),
});
export type CheckResultDto = z.infer<typeof checkResultSchema>;

export const checkFileResultSchema = checkResultSchema.extend({
  fileName: z.string(),
  format: z.enum(['txt', 'md', 'docx']),
  /** The text the findings refer to (line breaks normalized), for display and editing. */
  text: z.string(),
});
export type CheckFileResultDto = z.infer<typeof checkFileResultSchema>;

export const exportFindingsBody = z.strictObject({
  title: z.string().max(200).optional().describe('文档名称，用作表头和文件名'),
  date: z.string().max(20).nullable().optional(),
  findings: z
    .array(
      findingSchema.extend({
        rule: z.string().max(200),
        excerpt: z.string().max(2000),
        message: z.string().max(2000),
        suggestion: z.string().max(2000).optional(),
      }),
    )
    .max(MAX_EXPORT_FINDINGS, { error: `一次最多导出 ${MAX_EXPORT_FINDINGS} 条问题` }),
});
export type ExportFindingsBody = z.infer<typeof exportFindingsBody>;

export const exportDocxBody = z.strictObject({
  text: z.string({ error: '请提供要导出的文字（text）' }),
  title: z.string().max(200).optional().describe('文中没有标题行时使用的标题'),
});
export type ExportDocxBody = z.infer<typeof exportDocxBody>;
