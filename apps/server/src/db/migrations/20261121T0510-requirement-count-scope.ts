import type { Kysely } from 'kysely';

/**
 * Whose records a requirement counts: `unit` (the unit's own, as before) or `subtree` (the unit's
 * and its subordinate units' — e.g. 文明创建 activities of a 党委 carried out by its 支部).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('framework_requirements')
    .addColumn('count_scope', 'text', (col) => col.notNull().defaultTo('unit'))
    .execute();
}
