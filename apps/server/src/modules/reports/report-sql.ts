import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { DialectName } from '../../db/database';

// The only SQL that differs between SQLite and PostgreSQL in the reports module: reading the
// JSON text columns of `activities` (attendance entries, topics).

/** Number of attendance entries with `present: true` in `activities.attendance` of alias `a`. */
export function presentCount(dialect: DialectName): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(case when a.attendance <> '[]' then (select count(*) from jsonb_array_elements(a.attendance::jsonb) j where j->>'present' = 'true') else 0 end)`
    : sql<number>`(case when a.attendance <> '[]' then (select count(*) from json_each(a.attendance) j where json_extract(j.value, '$.present') = 1) else 0 end)`;
}

/** A table expression of the topics of activity `a`, one row per topic in column `value`. */
export function topicsOf(dialect: DialectName): RawBuilder<unknown> {
  return dialect === 'postgres'
    ? sql`jsonb_array_elements_text(a.topics::jsonb) as j(value)`
    : sql`json_each(a.topics) as j`;
}
