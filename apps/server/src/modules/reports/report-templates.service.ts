import type { Kysely } from 'kysely';
import type { ComposeInput, ReportKind, StructuredReport } from '@taizhang/composer';
import { buildReportContext, ComposeError } from '@taizhang/composer';
import type { Database } from '../../db/schema';
import { AppError, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import { reportKindLabels, reportKinds } from './report-periods';
import { defaultTemplate, renderTemplate, validateTemplateSyntax } from './report-template';
import type { ReportsRepository } from './reports.repository';

export interface ReportTemplatesServiceDeps {
  db: Kysely<Database>;
  reports: ReportsRepository;
  audit: AuditService;
  clock: Clock;
}

export interface TemplateDto {
  kind: ReportKind;
  kindLabel: string;
  body: string;
  isDefault: boolean;
  version: number | null;
  updatedAt: string | null;
  defaultBody: string;
}

/** A small, complete input used to try a template before it is saved. */
function sampleInput(kind: ReportKind): ComposeInput {
  return {
    kind,
    unit: { id: '0', name: '示例单位党支部', type: '党支部' },
    period: { kind: 'half-year', label: '2024年上半年', from: '2024-01-01', to: '2024-06-30' },
    documentDate: '2024-07-10',
    activityTotal: 1,
    areas: [
      {
        area: '组织领导',
        groups: [
          {
            type: 'meeting',
            subtype: '专题研究',
            count: 1,
            participants: 5,
            firstDate: '2024-03-12',
            lastDate: '2024-03-12',
            samples: [{ id: '0', date: '2024-03-12', title: '支部委员会专题研究意识形态工作' }],
          },
        ],
      },
    ],
    ...(kind === 'topical' ? { topic: { area: '组织领导' } } : {}),
  };
}

/** Composes reports through the kind's template; lets administrators edit and preview templates. */
export class ReportTemplatesService {
  constructor(private readonly deps: ReportTemplatesServiceDeps) {}

  async bodyFor(kind: ReportKind): Promise<string> {
    return (await this.deps.reports.template(kind))?.body ?? defaultTemplate(kind);
  }

  /** Composer context → the kind's template → StructuredReport; bad input or template → 400. */
  async compose(input: ComposeInput, body?: string): Promise<StructuredReport> {
    let context;
    try {
      context = buildReportContext(input);
    } catch (error) {
      if (error instanceof ComposeError)
        throw new AppError('VALIDATION_FAILED', `无法生成报告：${error.message}`);
      throw error;
    }
    return renderTemplate(body ?? (await this.bodyFor(input.kind)), context);
  }

  async list(): Promise<TemplateDto[]> {
    const saved = new Map((await this.deps.reports.templates()).map((t) => [t.kind, t]));
    return reportKinds.map((kind) => {
      const row = saved.get(kind);
      return {
        kind,
        kindLabel: reportKindLabels[kind],
        body: row?.body ?? defaultTemplate(kind),
        isDefault: !row,
        version: row?.version ?? null,
        updatedAt: row?.updated_at ?? null,
        defaultBody: defaultTemplate(kind),
      };
    });
  }

  /** Checks syntax and renders a sample report, so a broken template is never saved. */
  async validate(kind: ReportKind, body: string): Promise<void> {
    validateTemplateSyntax(body);
    await this.compose(sampleInput(kind), body);
  }

  async save(
    actor: Actor,
    kind: ReportKind,
    body: string,
    version: number | null,
  ): Promise<TemplateDto> {
    await this.validate(kind, body);
    const { db, reports, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const ok = await reports.saveTemplate(kind, body, version, actor.userId, isoNow(clock), trx);
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'report_template',
          entityId: kind,
          summary: `修改报告模板「${reportKindLabels[kind]}」`,
        },
        trx,
      );
    });
    return (await this.list()).find((t) => t.kind === kind) as TemplateDto;
  }

  async reset(actor: Actor, kind: ReportKind): Promise<TemplateDto> {
    const { db, reports, audit } = this.deps;
    await db.transaction().execute(async (trx) => {
      await reports.deleteTemplate(kind, trx);
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'report_template',
          entityId: kind,
          summary: `恢复默认报告模板「${reportKindLabels[kind]}」`,
        },
        trx,
      );
    });
    return (await this.list()).find((t) => t.kind === kind) as TemplateDto;
  }
}
