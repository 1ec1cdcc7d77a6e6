import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { notNull } from './migration-kit';

/**
 * Materialized compliance counts. `ledger_revisions` holds a revision per unit that the database
 * bumps on every write to that unit's records which could change a count (insert, delete, or an
 * update of unit, type, subtype, date, attendance or deleted_at) — whichever code path writes.
 * `compliance_counts` keeps, per set of count columns (`signature`) and unit, the counts computed
 * at a revision; a row whose revision is not the unit's current one is never used.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('ledger_revisions')
    .addColumn('unit_id', 'integer', (col) => col.primaryKey())
    .addColumn('revision', 'integer', notNull)
    .execute();
  await db.schema
    .createTable('compliance_counts')
    .addColumn('signature', 'text', notNull)
    .addColumn('unit_id', 'integer', notNull)
    .addColumn('revision', 'integer', notNull)
    .addColumn('counts', 'text', notNull)
    .addColumn('computed_at', 'text', notNull)
    .addPrimaryKeyConstraint('compliance_counts_pk', ['signature', 'unit_id'])
    .execute();
  // No index on computed_at: pruning scans the table at most once an hour per process, while an
  // index would cost every store of a thousand rows.

  const bump = (unit: string) =>
    `INSERT INTO ledger_revisions (unit_id, revision) VALUES (${unit}, 1)
     ON CONFLICT (unit_id) DO UPDATE SET revision = ledger_revisions.revision + 1`;
  const counted = 'unit_id, type, subtype, date, attendance, deleted_at';
  if (dialect === 'postgres') {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION taizhang_bump_ledger_revision() RETURNS trigger AS $$
         BEGIN
           IF TG_OP <> 'INSERT' THEN ${bump('OLD.unit_id')}; END IF;
           IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.unit_id IS DISTINCT FROM OLD.unit_id) THEN
             ${bump('NEW.unit_id')};
           END IF;
           RETURN NULL;
         END; $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER activities_ledger_revision
         AFTER INSERT OR DELETE OR UPDATE OF ${counted} ON activities
         FOR EACH ROW EXECUTE FUNCTION taizhang_bump_ledger_revision()`,
      )
      .execute(db);
  } else {
    const triggers = {
      insert: ['AFTER INSERT', bump('NEW.unit_id')],
      delete: ['AFTER DELETE', bump('OLD.unit_id')],
      // Both units' revisions move (the same unit's twice: only a change matters).
      update: [`AFTER UPDATE OF ${counted}`, `${bump('OLD.unit_id')}; ${bump('NEW.unit_id')}`],
    } as const;
    for (const [name, [when, body]] of Object.entries(triggers)) {
      await sql
        .raw(
          `CREATE TRIGGER activities_ledger_revision_${name} ${when} ON activities
           BEGIN ${body}; END`,
        )
        .execute(db);
    }
  }
}
