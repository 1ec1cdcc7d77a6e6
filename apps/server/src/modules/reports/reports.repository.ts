import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReportRow, ReportTemplateRow, ReportVersionRow } from '../../db/schema-reports';
import { offsetOf } from '../../shared/pagination';
import type { Actor } from '../access/data-scope';
import { pathUpperBound } from '../access/data-scope';

export type ReportWithUnit = ReportRow & {
  unit_name: string;
  unit_path: string;
  unit_parent_id: number | null;
};
export type ReportSummaryRow = Omit<ReportWithUnit, 'content' | 'options'>;

export interface ReportListFilter {
  unitId?: number | undefined;
  includeSubunits?: boolean | undefined;
  unitPath?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  periodKey?: string | undefined;
  page: number;
  pageSize: number;
}

export type NewReport = Pick<
  ReportRow,
  | 'unit_id'
  | 'kind'
  | 'period_key'
  | 'period_from'
  | 'period_to'
  | 'title'
  | 'status'
  | 'content'
  | 'options'
  | 'document_date'
>;

export type ReportChanges = Partial<
  Pick<
    ReportRow,
    | 'title'
    | 'status'
    | 'content'
    | 'options'
    | 'document_date'
    | 'return_reason'
    | 'submitted_at'
    | 'submitted_by'
    | 'deleted_at'
  >
>;

const summaryColumns = [
  'reports.id',
  'reports.unit_id',
  'reports.kind',
  'reports.period_key',
  'reports.period_from',
  'reports.period_to',
  'reports.title',
  'reports.status',
  'reports.document_date',
  'reports.return_reason',
  'reports.submitted_at',
  'reports.submitted_by',
  'reports.version',
  'reports.created_by',
  'reports.created_at',
  'reports.updated_at',
  'reports.deleted_at',
  'units.name as unit_name',
  'units.path as unit_path',
  'units.parent_id as unit_parent_id',
] as const;

/**
 * SQL for reports, their versions and templates. A report is visible to its own unit, to whoever
 * wrote it (within their data scope), to `all`-scope administrators, and — once submitted — to
 * the units above it (the parent's received view). `ReportsService.visibility` is the same rule.
 */
export class ReportsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private base(trx: Kysely<Database>) {
    return trx
      .selectFrom('reports')
      .innerJoin('units', 'units.id', 'reports.unit_id')
      .where('reports.deleted_at', 'is', null);
  }

  find(id: number, trx: Kysely<Database> = this.db): Promise<ReportWithUnit | undefined> {
    return this.base(trx)
      .selectAll('reports')
      .select([
        'units.name as unit_name',
        'units.path as unit_path',
        'units.parent_id as unit_parent_id',
      ])
      .where('reports.id', '=', id)
      .executeTakeFirst();
  }

  /** Reports the actor may see (see the class comment), filtered and paginated. */
  async list(
    actor: Actor,
    filter: ReportListFilter,
  ): Promise<{ rows: ReportSummaryRow[]; total: number }> {
    let query = this.base(this.db).where((eb) => {
      if (actor.dataScope === 'all') return eb.lit(true);
      const inScope =
        actor.dataScope === 'unit_and_below'
          ? eb.and([
              eb('units.path', '>=', actor.unitPath),
              eb('units.path', '<', pathUpperBound(actor.unitPath)),
            ])
          : eb('reports.unit_id', '=', actor.unitId);
      return eb.or([
        eb('reports.unit_id', '=', actor.unitId),
        eb.and([eb('reports.created_by', '=', actor.userId), inScope]),
        // The parent's received view: submitted reports of units below the actor's unit.
        eb.and([
          eb('reports.status', '=', 'submitted'),
          eb('units.path', '>', actor.unitPath),
          eb('units.path', '<', pathUpperBound(actor.unitPath)),
        ]),
      ]);
    });
    if (filter.unitId !== undefined) {
      if (filter.includeSubunits && filter.unitPath) {
        const path = filter.unitPath;
        query = query
          .where('units.path', '>=', path)
          .where('units.path', '<', pathUpperBound(path));
      } else {
        query = query.where('reports.unit_id', '=', filter.unitId);
      }
    }
    if (filter.kind) query = query.where('reports.kind', '=', filter.kind);
    if (filter.status) query = query.where('reports.status', '=', filter.status);
    if (filter.periodKey) query = query.where('reports.period_key', '=', filter.periodKey);
    const [rows, count] = await Promise.all([
      query
        .select([...summaryColumns])
        .orderBy('reports.updated_at', 'desc')
        .orderBy('reports.id', 'desc')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  }

  /** Submitted reports of a period from units strictly below `unitPath`. */
  submittedBelow(unitPath: string, periodKey: string): Promise<ReportSummaryRow[]> {
    return this.base(this.db)
      .select([...summaryColumns])
      .where('reports.status', '=', 'submitted')
      .where('reports.period_key', '=', periodKey)
      .where('units.path', '>', unitPath)
      .where('units.path', '<', pathUpperBound(unitPath))
      .orderBy('units.path')
      .orderBy('reports.submitted_at')
      .execute();
  }

  async insert(
    values: NewReport,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const { id } = await trx
      .insertInto('reports')
      .values({ ...values, version: 1, created_by: createdBy, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Applies changes when the version still matches; false otherwise. */
  async update(
    id: number,
    version: number,
    changes: ReportChanges,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('reports')
      .set({ ...changes, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async addVersion(
    reportId: number,
    content: string,
    note: string,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const last = await trx
      .selectFrom('report_versions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('report_id', '=', reportId)
      .executeTakeFirst();
    const number = Number(last?.n ?? 0) + 1;
    await trx
      .insertInto('report_versions')
      .values({
        report_id: reportId,
        number,
        content,
        note,
        created_by: createdBy,
        created_at: now,
      })
      .execute();
    return number;
  }

  versions(
    reportId: number,
  ): Promise<(Omit<ReportVersionRow, 'content'> & { author: string | null })[]> {
    return this.db
      .selectFrom('report_versions')
      .leftJoin('users', 'users.id', 'report_versions.created_by')
      .select([
        'report_versions.id',
        'report_versions.report_id',
        'report_versions.number',
        'report_versions.note',
        'report_versions.created_by',
        'report_versions.created_at',
        'users.display_name as author',
      ])
      .where('report_id', '=', reportId)
      .orderBy('number', 'desc')
      .execute();
  }

  version(reportId: number, number: number): Promise<ReportVersionRow | undefined> {
    return this.db
      .selectFrom('report_versions')
      .selectAll()
      .where('report_id', '=', reportId)
      .where('number', '=', number)
      .executeTakeFirst();
  }

  templates(): Promise<ReportTemplateRow[]> {
    return this.db.selectFrom('report_templates').selectAll().orderBy('kind').execute();
  }

  template(kind: string, trx: Kysely<Database> = this.db): Promise<ReportTemplateRow | undefined> {
    return trx
      .selectFrom('report_templates')
      .selectAll()
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  async saveTemplate(
    kind: string,
    body: string,
    expectedVersion: number | null,
    userId: number,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const existing = await this.template(kind, trx);
    if (!existing) {
      await trx
        .insertInto('report_templates')
        .values({ kind, body, version: 1, updated_by: userId, created_at: now, updated_at: now })
        .execute();
      return true;
    }
    if (expectedVersion !== null && expectedVersion !== existing.version) return false;
    const result = await trx
      .updateTable('report_templates')
      .set({ body, version: existing.version + 1, updated_by: userId, updated_at: now })
      .where('id', '=', existing.id)
      .where('version', '=', existing.version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  async deleteTemplate(kind: string, trx: Kysely<Database>): Promise<void> {
    await trx.deleteFrom('report_templates').where('kind', '=', kind).execute();
  }

  /** Submitted reports per unit for a period, for the roll-up's "reported" figure. */
  async submittedUnitIds(unitPath: string, periodKey: string): Promise<number[]> {
    const rows = await this.db
      .selectFrom('reports')
      .innerJoin('units', 'units.id', 'reports.unit_id')
      .select('reports.unit_id')
      .distinct()
      .where('reports.deleted_at', 'is', null)
      .where('reports.status', '=', 'submitted')
      .where('reports.period_key', '=', periodKey)
      .where('units.path', '>', unitPath)
      .where('units.path', '<', pathUpperBound(unitPath))
      .execute();
    return rows.map((r) => r.unit_id);
  }
}
