import { z } from 'zod';
import { pageQuery, pageSchema } from '../../shared/pagination';
import { freeTextField } from '../../shared/text-rules';
import { reportKinds } from './report-periods';

// Request and response schemas of the reports API (OpenAPI is generated from these).

export const reportKind = z.enum(reportKinds, {
  error: '报告类型须为 half-year-summary、annual-summary、selfcheck 或 topical',
});
export const reportKindInput = z.enum([...reportKinds, 'summary'], {
  error: '报告类型须为 summary（工作总结）、selfcheck（自查报告）或 topical（专题报告）',
});
export const reportStatuses = ['draft', 'review', 'returned', 'submitted'] as const;
export const reportStatus = z.enum(reportStatuses);
export const reportStatusLabels: Record<(typeof reportStatuses)[number], string> = {
  draft: '草稿',
  review: '待审核',
  returned: '退回',
  submitted: '已报送',
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期须为 YYYY-MM-DD 形式' });
const point = freeTextField('要点', 2000);
const paragraphText = freeTextField('段落', 20_000);

const figureRefs = z.object({
  measure: z.string(),
  unitId: z.string(),
  subtree: z.boolean(),
  from: z.string(),
  to: z.string(),
  area: z.string().optional(),
  type: z.string().optional(),
  subtype: z.string().optional(),
  outlet: z.string().optional(),
  severity: z.string().optional(),
  platform: z.string().optional(),
  requirementId: z.string().optional(),
  recordIds: z.array(z.string()).optional(),
});
const segment = z.union([
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('figure'),
    value: z.number(),
    unit: z.string().optional(),
    key: z.string(),
    refs: figureRefs,
  }),
]);
const paragraph = z.object({ segments: z.array(segment) });
export const structuredReportSchema = z.object({
  version: z.literal(1),
  kind: reportKind,
  title: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  period: z.object({
    kind: z.enum(['half-year', 'annual', 'custom']),
    label: z.string(),
    from: z.string(),
    to: z.string(),
  }),
  recipient: z.string().optional(),
  opening: paragraph,
  sections: z.array(
    z.object({
      id: z.string(),
      role: z.enum(['work', 'problems', 'plans']),
      number: z.string(),
      heading: z.string(),
      paragraphs: z.array(paragraph),
      subsections: z.array(
        z.object({
          id: z.string(),
          number: z.string(),
          topic: z.string(),
          area: z.string().optional(),
          paragraphs: z.array(paragraph),
        }),
      ),
    }),
  ),
  signature: z.string(),
  date: z.string(),
  dateText: z.string(),
});

export const reportOptionsSchema = z.object({
  problems: z.array(z.string()).default([]),
  plans: z.array(z.string()).default([]),
  topicArea: z.string().optional(),
});

export const reportSummarySchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  kind: reportKind,
  kindLabel: z.string(),
  periodKey: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  title: z.string(),
  status: reportStatus,
  statusLabel: z.string(),
  documentDate: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const reportPage = pageSchema(reportSummarySchema);

export const reportActionsSchema = z.object({
  edit: z.boolean(),
  review: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
});

export const reportSchema = reportSummarySchema.extend({
  content: structuredReportSchema,
  options: reportOptionsSchema,
  actions: reportActionsSchema,
  /** Deadline of submission to the parent for the period, if any. */
  deadline: z.string().nullable(),
});

const periodFields = {
  period: z.string().trim().optional().describe('2024H1、2024H2 或 2024；自定义期间用 from/to'),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const createReportBody = z.object({
  unitId: z.number({ error: '请选择单位' }).int().positive(),
  kind: reportKindInput,
  ...periodFields,
  documentDate: isoDate.optional(),
  topicArea: z.string().max(50).optional(),
  problems: z.array(point).max(50).optional(),
  plans: z.array(point).max(50).optional(),
});
export type CreateReportBody = z.infer<typeof createReportBody>;

export const reportListQuery = z.object({
  ...pageQuery,
  unitId: z.coerce.number().int().positive().optional(),
  includeSubunits: z.coerce.boolean().optional(),
  kind: reportKind.optional(),
  status: reportStatus.optional(),
  period: z.string().trim().max(40).optional(),
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

const subsectionEdit = z.object({
  id: z.string().max(100),
  topic: freeTextField('小节标题', 500),
  paragraphs: z.array(paragraphText).max(200),
});
export const updateReportBody = z.object({
  version: z.number({ error: '缺少版本号（version）' }).int().positive(),
  title: freeTextField('标题', 200).optional(),
  recipient: freeTextField('主送机关', 200).optional(),
  opening: paragraphText.optional(),
  sections: z
    .array(
      z.object({
        id: z.string().max(100),
        heading: freeTextField('部分标题', 200).optional(),
        paragraphs: z.array(paragraphText).max(200),
        subsections: z.array(subsectionEdit).max(60).optional(),
      }),
    )
    .max(20)
    .optional(),
  signature: freeTextField('署名', 200).optional(),
  date: isoDate.optional(),
  note: z.string().max(200).optional(),
});
export type UpdateReportBody = z.infer<typeof updateReportBody>;

export const proofreadBody = updateReportBody.omit({ version: true, note: true }).partial();
export const findingSchema = z.object({
  category: z.string(),
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  column: z.number().int(),
  length: z.number().int(),
  excerpt: z.string(),
  message: z.string(),
  suggestion: z.string().optional(),
  /** Where in the report the finding is: part, section, subsection, paragraph and column within it. */
  location: z.object({
    part: z.string(),
    sectionId: z.string().optional(),
    subsectionId: z.string().optional(),
    paragraph: z.number().int().optional(),
    column: z.number().int(),
  }),
});
export const proofreadResponse = z.object({
  date: z.string().nullable(),
  counts: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
  findings: z.array(findingSchema),
});
export type ProofreadResponse = z.infer<typeof proofreadResponse>;

export const statusBody = z.object({
  version: z.number().int().positive(),
  action: z.enum(['review', 'return', 'reopen']),
  reason: freeTextField('退回原因', 500).optional(),
});
export const submitBody = z.object({ version: z.number().int().positive() });

export const versionSummary = z.object({
  number: z.number().int(),
  note: z.string(),
  author: z.string().nullable(),
  createdAt: z.string(),
});
export const versionList = z.array(versionSummary);
export const diffQuery = z.object({
  from: z.coerce.number().int().positive(),
  to: z.coerce.number().int().positive(),
});
export const diffResponse = z.object({
  from: z.number().int(),
  to: z.number().int(),
  lines: z.array(z.object({ op: z.enum(['equal', 'added', 'removed']), text: z.string() })),
});

export const exportQuery = z.object({
  format: z
    .enum(['docx', 'html', 'md', 'json'], { error: '导出格式须为 docx、html、md 或 json' })
    .default('docx'),
});

export const figureSummary = z.object({
  key: z.string(),
  value: z.number(),
  unit: z.string().optional(),
  measure: z.string(),
  text: z.string(),
  linked: z.boolean(),
});
export const figureList = z.array(figureSummary);
export const figureRecordsParams = z.object({
  id: z.coerce.number().int().positive(),
  key: z.string().min(1).max(2000),
});
export const figureRecordsQuery = z.object(pageQuery);
export const figureRecord = z.object({
  kind: z.enum(['activity', 'incident', 'channel', 'unit']),
  id: z.number().int(),
  unitName: z.string(),
  date: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
});
export const figureRecordsResponse = z.object({
  key: z.string(),
  value: z.number(),
  text: z.string(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(figureRecord),
  note: z.string().optional(),
});
export type FigureRecordDto = z.infer<typeof figureRecord>;

export const receivedQuery = z.object({
  period: z.string().trim().min(4, { error: '请选择期间' }),
  unitId: z.coerce.number().int().positive().optional(),
});
export const receivedResponse = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  periodKey: z.string(),
  periodLabel: z.string(),
  deadline: z.string().nullable(),
  asOf: z.string(),
  units: z.array(
    z.object({
      unitId: z.number().int(),
      unitName: z.string(),
      state: z.enum(['submitted', 'late', 'overdue', 'pending']),
      stateLabel: z.string(),
      reports: z.array(reportSummarySchema),
    }),
  ),
  counts: z.object({
    units: z.number().int(),
    submitted: z.number().int(),
    overdue: z.number().int(),
    pending: z.number().int(),
  }),
});
export type ReceivedResponse = z.infer<typeof receivedResponse>;

export const templateSchema = z.object({
  kind: reportKind,
  kindLabel: z.string(),
  body: z.string(),
  isDefault: z.boolean(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  defaultBody: z.string(),
});
export const templateList = z.array(templateSchema);
export const templateParams = z.object({ kind: reportKind });
export const saveTemplateBody = z.object({
  body: z.string().max(50_000, { error: '模板不能超过 50000 个字符' }),
  version: z.number().int().positive().nullable().optional(),
});
export const previewTemplateBody = z.object({
  kind: reportKind,
  body: z.string().max(50_000, { error: '模板不能超过 50000 个字符' }),
  unitId: z.number().int().positive().optional(),
  ...periodFields,
});
export const previewResponse = z.object({
  html: z.string(),
  text: z.string(),
  content: structuredReportSchema,
});
