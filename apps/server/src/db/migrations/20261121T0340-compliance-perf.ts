import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Indexes for compliance and the dashboard over a large ledger. Both are partial (live records
 * only) and maintained by the database on every write, so no write path has to keep them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Requirements that need attendance (中心组学习) count only records with an attendance list;
  // the compliance index cannot tell those apart without reading every candidate row. This one
  // holds just those records, so the count is answered from the index. Queries must spell the
  // condition literally (`attendance <> '[]'`) for SQLite to use it.
  await sql
    .raw(
      `CREATE INDEX activities_attended_idx ON activities (unit_id, date, type, subtype) WHERE deleted_at IS NULL AND attendance <> '[]'`,
    )
    .execute(db);
  // Records per day and type across the whole organization (the dashboard of an `all` actor):
  // an index-order scan grouped by (date, type), without reading the table.
  await sql
    .raw(
      `CREATE INDEX activities_live_date_type_idx ON activities (date, type) WHERE deleted_at IS NULL`,
    )
    .execute(db);
}
