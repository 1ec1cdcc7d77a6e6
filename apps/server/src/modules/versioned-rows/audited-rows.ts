import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { notFound, versionConflict } from '../../errors/app-error';
import type { Clock } from '../../shared/clock';
import { isoNow } from '../../shared/clock';
import type { Actor } from '../access/data-scope';
import type { AuditService } from '../audit/audit.service';

/** How one kind of row is named in errors and in the operation log. */
export interface RowKind<Row> {
  /** `entity` of its operation-log entries, e.g. `'channel'`. */
  entity: string;
  /** The 404 message when the row is missing or outside the actor's data scope. */
  notFoundMessage: string;
  /** The row as log summaries name it after 修改 / 删除, e.g. 阵地「官方微博」. */
  label: (row: Row) => string;
  /** What the log keeps of the row as before / after. */
  snapshot: (row: Row) => unknown;
}

/** A repository that inserts a new row (stamped with its creator and time) and returns its id. */
export interface Inserting<Values> {
  insert(
    values: Values,
    createdBy: number | null,
    now: string,
    trx: Kysely<Database>,
  ): Promise<number>;
}

/** A repository that can soft-delete a row under optimistic locking (see `updateVersioned`). */
export interface SoftDeletable {
  update(
    id: number,
    version: number,
    values: { deleted_at: string },
    now: string,
    trx: Kysely<Database>,
  ): Promise<boolean>;
}

/**
 * The steps every scoped, versioned, audited write shares: 404 for rows out of reach, 409 for
 * stale versions, and one operation-log entry written in the caller's transaction. The rules of
 * each kind (what may change, which references are checked) stay in its service.
 */
export class AuditedRows<Row extends { id: number; version: number }> {
  constructor(
    private readonly kind: RowKind<Row>,
    private readonly audit: Pick<AuditService, 'record'>,
    private readonly clock: Clock,
  ) {}

  /** The row, or 404; given the client's `version`, 409 when the client's copy is stale. */
  found<R extends Row>(row: R | undefined, version?: number): R {
    if (!row) throw notFound(this.kind.notFoundMessage);
    if (version !== undefined && row.version !== version) throw versionConflict();
    return row;
  }

  /**
   * Inserts `values` and logs them as the new row, unless `log` is false (bulk imports write one
   * entry for the whole file instead).
   */
  async insert<Values extends object>(
    actor: Actor,
    trx: Kysely<Database>,
    rows: Inserting<Values>,
    entry: { values: Values; createdBy: number | null; summary: string; log?: boolean },
  ): Promise<number> {
    const { values, summary } = entry;
    const id = await rows.insert(values, entry.createdBy, isoNow(this.clock), trx);
    if (entry.log !== false)
      await this.logCreate(actor, trx, { id, summary, after: { id, ...values } });
    return id;
  }

  /** Logs a new row; `after` is what was inserted. */
  async logCreate(
    actor: Actor,
    trx: Kysely<Database>,
    entry: { id: number; summary: string; after: unknown },
  ): Promise<void> {
    const { entity } = this.kind;
    const { id: entityId, summary, after } = entry;
    await this.audit.record(actor, { action: 'create', entity, entityId, summary, after }, trx);
  }

  /**
   * Runs `save` (false: another writer got there first, so 409), then logs `before` against the
   * row as `reload` reads it back.
   */
  async saveUpdate(
    actor: Actor,
    trx: Kysely<Database>,
    before: Row,
    save: (now: string) => Promise<boolean>,
    reload: () => Promise<Row | undefined>,
  ): Promise<void> {
    if (!(await save(isoNow(this.clock)))) throw versionConflict();
    const after = await reload();
    const { entity, label, snapshot } = this.kind;
    await this.audit.record(
      actor,
      {
        action: 'update',
        entity,
        entityId: before.id,
        summary: `修改${label(before)}`,
        before: snapshot(before),
        after: after && snapshot(after),
      },
      trx,
    );
  }

  /** Stamps `deleted_at` (bumping the version, so stale copies conflict) and logs the row. */
  async softDelete(
    actor: Actor,
    trx: Kysely<Database>,
    before: Row,
    rows: SoftDeletable,
  ): Promise<void> {
    const now = isoNow(this.clock);
    if (!(await rows.update(before.id, before.version, { deleted_at: now }, now, trx)))
      throw versionConflict();
    const { entity, label, snapshot } = this.kind;
    const entry = { entity, entityId: before.id, summary: `删除${label(before)}` };
    await this.audit.record(actor, { action: 'delete', ...entry, before: snapshot(before) }, trx);
  }
}
