import type { Kysely } from 'kysely';
import type { ReportKind, StructuredReport } from '@taizhang/composer';
import { renderHtml, renderText } from '@taizhang/composer';
import type { DocumentKind } from '@taizhang/proofreader';
import type { Database } from '../../db/schema';
import { AppError, conflict, forbidden, notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Page } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { unitPathInScope } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';
import { chinaToday } from '../compliance/compliance.service';
import type { ProofreadService } from '../proofread/proofread.service';
import type { UnitsRepository } from '../units/units.repository';
import type { Visibility } from './report-access';
import { actionsFor, visibilityOf } from './report-access';
import type { ReportEdits } from './report-content';
import type { ExportedFile } from './report-export';
import { exportReport } from './report-export';
import { applyEdits, diffLines, textLayout } from './report-content';
import type { ReportInputService, ReportUnitRef } from './report-input.service';
import type { ResolvedPeriod } from './report-periods';
import { isoDateValid, resolveKind, resolvePeriod, submissionDeadline } from './report-periods';
import type { ReportTemplatesService } from './report-templates.service';
import type { ReportSummaryDto } from './reports.presenter';
import {
  contentOf,
  kindOf,
  optionsOf,
  presentSummary,
  reportSnapshot,
  statusOf,
} from './reports.presenter';
import type { ReportWithUnit, ReportsRepository } from './reports.repository';
import type {
  CreateReportBody,
  ProofreadResponse,
  ReportListQuery,
  UpdateReportBody,
} from './reports.schema';

export interface ReportsServiceDeps {
  db: Kysely<Database>;
  reports: ReportsRepository;
  units: UnitsRepository;
  input: ReportInputService;
  templates: ReportTemplatesService;
  proofreader: Pick<ProofreadService, 'check'>;
  audit: AuditService;
  clock: Clock;
}

export interface ReportDto extends ReportSummaryDto {
  content: StructuredReport;
  options: ReturnType<typeof optionsOf>;
  actions: { edit: boolean; review: boolean; submit: boolean; return: boolean; reopen: boolean };
  deadline: string | null;
}

const PROOFREAD_KIND: Record<ReportKind, DocumentKind> = {
  'half-year-summary': 'summary',
  'annual-summary': 'summary',
  selfcheck: 'selfcheck',
  topical: 'topical',
};

function periodOfRow(
  row: Pick<ReportWithUnit, 'period_key' | 'period_from' | 'period_to'>,
): ResolvedPeriod {
  return row.period_key.includes('~')
    ? resolvePeriod({ from: row.period_from, to: row.period_to })
    : resolvePeriod({ period: row.period_key });
}

/** Reports: compose from the record, edit, proofread, version, export, submit to the parent. */
export class ReportsService {
  constructor(private readonly deps: ReportsServiceDeps) {}

  today(): string {
    return chinaToday(this.deps.clock);
  }

  /** A unit the actor may write reports for, with its parent's name. */
  async reportUnit(actor: Actor, unitId: number): Promise<ReportUnitRef> {
    const unit = await this.deps.units.findLive(unitId);
    if (!unit || !unitPathInScope(actor, unit.path)) throw notFound('单位不存在或无权访问');
    const parent =
      unit.parent_id === null ? undefined : await this.deps.units.findLive(unit.parent_id);
    return {
      id: unit.id,
      name: unit.name,
      type: unit.type,
      path: unit.path,
      parentName: parent?.name ?? null,
    };
  }

  /** Composes a report from the record without saving it. */
  async compose(
    actor: Actor,
    body: Pick<
      CreateReportBody,
      | 'unitId'
      | 'kind'
      | 'period'
      | 'from'
      | 'to'
      | 'documentDate'
      | 'topicArea'
      | 'problems'
      | 'plans'
    >,
    templateBody?: string,
  ) {
    const unit = await this.reportUnit(actor, body.unitId);
    const period = resolvePeriod(body);
    const kind = resolveKind(body.kind, period);
    const today = this.today();
    const documentDate = body.documentDate ?? today;
    if (!isoDateValid(documentDate))
      throw new AppError('VALIDATION_FAILED', '成文日期无效', [
        { path: 'documentDate', message: '成文日期无效' },
      ]);
    const input = await this.deps.input.build(actor, {
      unit,
      kind,
      period,
      documentDate,
      problems: body.problems,
      plans: body.plans,
      topicArea: body.topicArea,
      asOf: today,
    });
    const content = await this.deps.templates.compose(input, templateBody);
    return { unit, period, kind, input, content };
  }

  async create(actor: Actor, body: CreateReportBody): Promise<ReportDto> {
    const { unit, period, kind, content } = await this.compose(actor, body);
    const { db, reports, audit, clock } = this.deps;
    const options = {
      problems: body.problems ?? [],
      plans: body.plans ?? [],
      ...(body.topicArea ? { topicArea: body.topicArea } : {}),
    };
    const id = await db.transaction().execute(async (trx) => {
      const now = isoNow(clock);
      const json = JSON.stringify(content);
      const newId = await reports.insert(
        {
          unit_id: unit.id,
          kind,
          period_key: period.key,
          period_from: period.from,
          period_to: period.to,
          title: content.title,
          status: 'draft',
          content: json,
          options: JSON.stringify(options),
          document_date: content.date,
        },
        actor.userId,
        now,
        trx,
      );
      await reports.addVersion(newId, json, '根据台账生成', actor.userId, now, trx);
      await audit.record(
        actor,
        {
          action: 'create',
          entity: 'report',
          entityId: newId,
          summary: `生成报告「${content.title}」`,
        },
        trx,
      );
      return newId;
    });
    return this.get(actor, id);
  }

  /** A report the actor may see; `received` ones are read-only except 退回. */
  async visible(
    actor: Actor,
    id: number,
    trx?: Kysely<Database>,
  ): Promise<{ row: ReportWithUnit; visibility: Visibility }> {
    const row = await this.deps.reports.find(id, trx);
    const visibility = row ? visibilityOf(actor, row) : null;
    if (!row || !visibility) throw notFound('报告不存在或无权访问');
    return { row, visibility };
  }

  async get(actor: Actor, id: number): Promise<ReportDto> {
    const { row, visibility } = await this.visible(actor, id);
    return this.present(actor, row, visibility);
  }

  private present(actor: Actor, row: ReportWithUnit, visibility: Visibility): ReportDto {
    return {
      ...presentSummary(row),
      content: contentOf(row),
      options: optionsOf(row),
      actions: actionsFor(actor, row, visibility),
      deadline: submissionDeadline(periodOfRow(row)),
    };
  }

  async list(actor: Actor, query: ReportListQuery): Promise<Page<ReportSummaryDto>> {
    let unitPath: string | undefined;
    if (query.unitId !== undefined && query.includeSubunits) {
      unitPath = (await this.deps.units.findLive(query.unitId))?.path;
    }
    const { rows, total } = await this.deps.reports.list(actor, {
      unitId: query.unitId,
      includeSubunits: query.includeSubunits,
      unitPath,
      kind: query.kind,
      status: query.status,
      periodKey: query.period,
      page: query.page,
      pageSize: query.pageSize,
    });
    return { items: rows.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
  }

  /** Saves section-by-section edits as a new version (optimistic lock on `version`). */
  async update(actor: Actor, id: number, body: UpdateReportBody): Promise<ReportDto> {
    const { db, reports, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const { row, visibility } = await this.visible(actor, id, trx);
      if (!actionsFor(actor, row, visibility).edit)
        throw forbidden(
          statusOf(row) === 'draft' || statusOf(row) === 'returned'
            ? '没有修改此报告的权限'
            : '报告已提交审核或已报送，不能修改',
        );
      if (row.version !== body.version) throw versionConflict();
      const edits: ReportEdits = body;
      const next = applyEdits(contentOf(row), edits);
      if (next.title === '')
        throw new AppError('VALIDATION_FAILED', '标题不能为空', [
          { path: 'title', message: '标题不能为空' },
        ]);
      const json = JSON.stringify(next);
      const now = isoNow(clock);
      const ok = await reports.update(
        id,
        row.version,
        { content: json, title: next.title, document_date: next.date },
        now,
        trx,
      );
      if (!ok) throw versionConflict();
      await reports.addVersion(id, json, body.note ?? '编辑', actor.userId, now, trx);
      await audit.record(
        actor,
        { action: 'update', entity: 'report', entityId: id, summary: `修改报告「${next.title}」` },
        trx,
      );
    });
    return this.get(actor, id);
  }

  /** Proofreads the saved report, or a draft of edits applied to it, against the report's own date. */
  async proofread(
    actor: Actor,
    id: number,
    draft?: Omit<ReportEdits, 'version'>,
  ): Promise<ProofreadResponse> {
    const { row } = await this.visible(actor, id);
    const content = draft ? applyEdits(contentOf(row), draft) : contentOf(row);
    const layout = textLayout(content);
    const result = await this.deps.proofreader.check(actor, {
      text: layout.text,
      date: content.date,
      kind: PROOFREAD_KIND[kindOf(row)],
    });
    const counts = { error: 0, warning: 0, info: 0 };
    const findings = result.findings.map((f) => {
      counts[f.severity] += 1;
      const location = layout.locations[f.line - 1] ?? { part: 'blank', offset: 0 };
      const { offset, ...where } = location;
      return { ...f, location: { ...where, column: Math.max(1, f.column - offset) } };
    });
    return { date: result.date, counts, findings };
  }

  /** 提交审核 / 退回 / 撤回. */
  async changeStatus(
    actor: Actor,
    id: number,
    body: { version: number; action: 'review' | 'return' | 'reopen'; reason?: string | undefined },
  ): Promise<ReportDto> {
    const { db, reports, audit, clock } = this.deps;
    // The parent that returns a report no longer sees it afterwards; answer with what it did.
    const seenAs = await db.transaction().execute(async (trx) => {
      const { row, visibility } = await this.visible(actor, id, trx);
      const actions = actionsFor(actor, row, visibility);
      if (row.version !== body.version) throw versionConflict();
      const now = isoNow(clock);
      let next: 'review' | 'returned' | 'draft';
      let summary: string;
      switch (body.action) {
        case 'review':
          if (!actions.review) throw conflict('当前状态不能提交审核');
          next = 'review';
          summary = `报告「${row.title}」提交审核`;
          break;
        case 'return': {
          if (!actions.return) throw conflict('当前状态不能退回，或没有退回权限');
          if (!body.reason?.trim())
            throw new AppError('VALIDATION_FAILED', '请填写退回原因', [
              { path: 'reason', message: '请填写退回原因' },
            ]);
          next = 'returned';
          summary = `退回报告「${row.title}」：${body.reason.trim()}`;
          break;
        }
        case 'reopen':
          if (!actions.reopen) throw conflict('当前状态不能撤回');
          next = 'draft';
          summary = `撤回报告「${row.title}」的审核`;
          break;
      }
      const ok = await reports.update(
        id,
        row.version,
        {
          status: next,
          return_reason: next === 'returned' ? (body.reason ?? '').trim() : null,
          ...(next === 'returned' ? { submitted_at: null, submitted_by: null } : {}),
        },
        now,
        trx,
      );
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        { action: 'update', entity: 'report', entityId: id, summary, before: reportSnapshot(row) },
        trx,
      );
      return visibility;
    });
    const updated = await this.deps.reports.find(id);
    if (!updated) throw notFound('报告不存在或无权访问');
    return this.present(actor, updated, seenAs);
  }

  /** 报送上级: the parent unit then sees it among the received reports. */
  async submit(actor: Actor, id: number, version: number): Promise<ReportDto> {
    const { db, reports, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const { row, visibility } = await this.visible(actor, id, trx);
      if (row.unit_parent_id === null) throw conflict('最上级单位没有上级可报送');
      if (!actionsFor(actor, row, visibility).submit)
        throw conflict(statusOf(row) === 'submitted' ? '报告已报送' : '没有报送此报告的权限');
      if (row.version !== version) throw versionConflict();
      const ok = await reports.update(
        id,
        row.version,
        {
          status: 'submitted',
          submitted_at: isoNow(clock),
          submitted_by: actor.userId,
          return_reason: null,
        },
        isoNow(clock),
        trx,
      );
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'update',
          entity: 'report',
          entityId: id,
          summary: `报送报告「${row.title}」`,
          before: reportSnapshot(row),
        },
        trx,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const { db, reports, audit, clock } = this.deps;
    await db.transaction().execute(async (trx) => {
      const { row, visibility } = await this.visible(actor, id, trx);
      if (visibility !== 'own') throw notFound('报告不存在或无权访问');
      if (statusOf(row) === 'submitted') throw conflict('已报送的报告不能删除');
      const now = isoNow(clock);
      const ok = await reports.update(id, row.version, { deleted_at: now }, now, trx);
      if (!ok) throw versionConflict();
      await audit.record(
        actor,
        {
          action: 'delete',
          entity: 'report',
          entityId: id,
          summary: `删除报告「${row.title}」`,
          before: reportSnapshot(row),
        },
        trx,
      );
    });
  }

  async versions(actor: Actor, id: number) {
    await this.visible(actor, id);
    const rows = await this.deps.reports.versions(id);
    return rows.map((r) => ({
      number: r.number,
      note: r.note,
      author: r.author,
      createdAt: r.created_at,
    }));
  }

  async diff(actor: Actor, id: number, from: number, to: number) {
    await this.visible(actor, id);
    const [a, b] = await Promise.all([
      this.deps.reports.version(id, from),
      this.deps.reports.version(id, to),
    ]);
    if (!a || !b) throw notFound('版本不存在');
    const lines = diffLines(
      textLayout(JSON.parse(a.content) as StructuredReport).lines,
      textLayout(JSON.parse(b.content) as StructuredReport).lines,
    );
    return { from, to, lines };
  }

  /** Renders a template body over the record for a unit and period, without saving anything. */
  async previewTemplate(
    actor: Actor,
    body: {
      kind: ReportKind;
      body: string;
      unitId?: number | undefined;
      period?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
  ) {
    const period =
      body.period || body.from
        ? { period: body.period, from: body.from, to: body.to }
        : { period: `${this.today().slice(0, 4)}H1` };
    const { content } = await this.compose(
      actor,
      { unitId: body.unitId ?? actor.unitId, kind: body.kind, ...period },
      body.body,
    );
    return { html: renderHtml(content, { fragment: true }), text: renderText(content), content };
  }

  async preview(actor: Actor, id: number): Promise<{ html: string }> {
    const { row } = await this.visible(actor, id);
    return { html: renderHtml(contentOf(row), { fragment: true }) };
  }

  async export(
    actor: Actor,
    id: number,
    format: 'docx' | 'html' | 'md' | 'json',
  ): Promise<ExportedFile> {
    const { row } = await this.visible(actor, id);
    return exportReport(contentOf(row), format);
  }
}
