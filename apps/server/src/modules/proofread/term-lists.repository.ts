import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../../db/database';
import type { Database } from '../../db/schema';
import type { TermEntryRow, TermListRow, TermListVersionRow } from '../../db/schema-proofread';
import { offsetOf } from '../../shared/pagination';
import { containsText } from '../../shared/sql-text';
import type { Actor } from '../access/data-scope';
import { ownedRowVisible } from '../access/scope-query';
import type { ParsedTerm } from './term-file-parser';

export type TermListWithVersion = TermListRow & {
  unit_name: string;
  unit_path: string;
  current_number: number | null;
  entry_count: number | null;
};

export type VersionWithAuthor = TermListVersionRow & {
  created_by_name: string | null;
  copied_from_number: number | null;
};

/** Rows per SQLite INSERT: 7 parameters each stays well under its limit of 32,766. */
const INSERT_BATCH = 2000;
/** Rows per PostgreSQL INSERT … SELECT FROM unnest (six array parameters, any length). */
const PG_BATCH = 50_000;

/** SQL for term lists, their versions and entries; no business rules here. */
export class TermListsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  private withVersion(trx: Kysely<Database>) {
    return trx
      .selectFrom('term_lists')
      .innerJoin('units', 'units.id', 'term_lists.unit_id')
      .leftJoin('term_list_versions as cv', 'cv.id', 'term_lists.current_version_id')
      .selectAll('term_lists')
      .select([
        'units.name as unit_name',
        'units.path as unit_path',
        'cv.number as current_number',
        'cv.entry_count as entry_count',
      ])
      .where('term_lists.deleted_at', 'is', null);
  }

  /** Live lists the actor can see, optionally of one unit. */
  list(actor: Actor, unitId?: number): Promise<TermListWithVersion[]> {
    let query = this.withVersion(this.db).where(
      ownedRowVisible(actor, 'term_lists.unit_id', 'term_lists.created_by'),
    );
    if (unitId !== undefined) query = query.where('term_lists.unit_id', '=', unitId);
    return query
      .orderBy('units.path')
      .orderBy('term_lists.name')
      .orderBy('term_lists.id')
      .execute();
  }

  findVisible(
    actor: Actor,
    id: number,
    trx: Kysely<Database> = this.db,
  ): Promise<TermListWithVersion | undefined> {
    return this.withVersion(trx)
      .where('term_lists.id', '=', id)
      .where(ownedRowVisible(actor, 'term_lists.unit_id', 'term_lists.created_by'))
      .executeTakeFirst();
  }

  /** Visible live lists among `ids` (missing or hidden ones are simply absent). */
  findManyVisible(actor: Actor, ids: readonly number[]): Promise<TermListWithVersion[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.withVersion(this.db)
      .where('term_lists.id', 'in', [...ids])
      .where(ownedRowVisible(actor, 'term_lists.unit_id', 'term_lists.created_by'))
      .orderBy('term_lists.id')
      .execute();
  }

  async nameTaken(
    unitId: number,
    name: string,
    exceptId: number | null,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    let query = trx
      .selectFrom('term_lists')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('name', '=', name)
      .where('deleted_at', 'is', null);
    if (exceptId !== null) query = query.where('id', '!=', exceptId);
    return (await query.executeTakeFirst()) !== undefined;
  }

  async insertList(
    row: { unit_id: number; name: string; remark: string; created_by: number },
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const inserted = await trx
      .insertInto('term_lists')
      .values({ ...row, current_version_id: null, version: 1, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  /** Optimistic update; false when the version no longer matches. */
  async updateList(
    id: number,
    version: number,
    patch: Partial<Pick<TermListRow, 'name' | 'remark' | 'deleted_at' | 'current_version_id'>>,
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('term_lists')
      .set({ ...patch, version: version + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /**
   * Bumps the list's version inside the caller's transaction. On PostgreSQL this also locks the
   * row, so concurrent uploads to one list take turns; returns the new version or null if gone.
   */
  async touch(id: number, now: string, trx: Kysely<Database>): Promise<number | null> {
    const row = await trx
      .updateTable('term_lists')
      .set({ version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('version')
      .executeTakeFirst();
    return row?.version ?? null;
  }

  async setCurrentVersion(id: number, versionId: number, trx: Kysely<Database>): Promise<void> {
    await trx
      .updateTable('term_lists')
      .set({ current_version_id: versionId })
      .where('id', '=', id)
      .execute();
  }

  async nextVersionNumber(listId: number, trx: Kysely<Database>): Promise<number> {
    const row = await trx
      .selectFrom('term_list_versions')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('list_id', '=', listId)
      .executeTakeFirst();
    return Number(row?.n ?? 0) + 1;
  }

  async insertVersion(
    row: {
      list_id: number;
      number: number;
      source: string;
      copied_from_id: number | null;
      entry_count: number;
      created_by: number;
    },
    now: string,
    trx: Kysely<Database>,
  ): Promise<number> {
    const inserted = await trx
      .insertInto('term_list_versions')
      .values({ ...row, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  }

  /**
   * Writes a version's entries inside the caller's transaction: on PostgreSQL one INSERT from
   * `unnest` of column arrays, on SQLite multi-row INSERTs in batches (its parameter limit).
   */
  async insertEntries(
    versionId: number,
    entries: readonly ParsedTerm[],
    trx: Kysely<Database>,
  ): Promise<void> {
    if (this.dialect === 'postgres') {
      for (let start = 0; start < entries.length; start += PG_BATCH) {
        const batch = entries.slice(start, start + PG_BATCH);
        const column = <K extends keyof ParsedTerm>(key: K) => batch.map((e) => e[key]);
        await sql`insert into term_entries (version_id, row_no, term, category, severity, suggestion, note)
          select ${versionId}, * from unnest(
            ${column('row')}::int[], ${column('term')}::text[], ${column('category')}::text[],
            ${column('severity')}::text[], ${column('suggestion')}::text[], ${column('note')}::text[])`.execute(
          trx,
        );
      }
      return;
    }
    for (let start = 0; start < entries.length; start += INSERT_BATCH) {
      const batch = entries.slice(start, start + INSERT_BATCH).map((e) => ({
        version_id: versionId,
        row_no: e.row,
        term: e.term,
        category: e.category,
        severity: e.severity,
        suggestion: e.suggestion,
        note: e.note,
      }));
      await trx.insertInto('term_entries').values(batch).execute();
    }
  }

  /** Copies every entry of one version into another in a single statement. */
  async copyEntries(fromVersionId: number, toVersionId: number, trx: Kysely<Database>) {
    await trx
      .insertInto('term_entries')
      .columns(['version_id', 'row_no', 'term', 'category', 'severity', 'suggestion', 'note'])
      .expression((eb) =>
        eb
          .selectFrom('term_entries')
          .select([
            sql<number>`${toVersionId}`.as('version_id'),
            'row_no',
            'term',
            'category',
            'severity',
            'suggestion',
            'note',
          ])
          .where('version_id', '=', fromVersionId),
      )
      .execute();
  }

  versions(listId: number): Promise<VersionWithAuthor[]> {
    return this.db
      .selectFrom('term_list_versions as v')
      .leftJoin('users', 'users.id', 'v.created_by')
      .leftJoin('term_list_versions as src', 'src.id', 'v.copied_from_id')
      .selectAll('v')
      .select(['users.display_name as created_by_name', 'src.number as copied_from_number'])
      .where('v.list_id', '=', listId)
      .orderBy('v.number', 'desc')
      .execute();
  }

  findVersion(
    listId: number,
    versionId: number,
    trx: Kysely<Database> = this.db,
  ): Promise<TermListVersionRow | undefined> {
    return trx
      .selectFrom('term_list_versions')
      .selectAll()
      .where('list_id', '=', listId)
      .where('id', '=', versionId)
      .executeTakeFirst();
  }

  async entryPage(
    versionId: number,
    filter: { keyword?: string | undefined; page: number; pageSize: number },
  ): Promise<{ rows: TermEntryRow[]; total: number }> {
    let base = this.db.selectFrom('term_entries').where('version_id', '=', versionId);
    if (filter.keyword) base = base.where(containsText('term', filter.keyword));
    const [rows, count] = await Promise.all([
      base
        .selectAll()
        .orderBy('row_no')
        .limit(filter.pageSize)
        .offset(offsetOf(filter.page, filter.pageSize))
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  }

  /** Every entry of a version in file order (for compiling and exporting). */
  allEntries(versionId: number): Promise<TermEntryRow[]> {
    return this.db
      .selectFrom('term_entries')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('row_no')
      .execute();
  }
}
