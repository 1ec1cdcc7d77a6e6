import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { notNull, withId, withRecordColumns } from './migration-kit';

/** Organization term lists for the proofreader: lists per unit, immutable versions, entries. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('term_lists'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('remark', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('current_version_id', 'integer')
    .$call(withRecordColumns)
    .execute();
  // One live list of a name per unit; deleted lists keep their name free.
  await schema
    .createIndex('term_lists_unit_name_idx')
    .on('term_lists')
    .columns(['unit_id', 'name'])
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await withId(schema.createTable('term_list_versions'), dialect)
    .addColumn('list_id', 'integer', (col) =>
      col.notNull().references('term_lists.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('copied_from_id', 'integer')
    .addColumn('entry_count', 'integer', notNull)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('term_list_versions_number_idx')
    .on('term_list_versions')
    .columns(['list_id', 'number'])
    .unique()
    .execute();

  // No surrogate key: entries are written in bulk and read by version in row order.
  await schema
    .createTable('term_entries')
    .addColumn('version_id', 'integer', (col) =>
      col.notNull().references('term_list_versions.id').onDelete('cascade'),
    )
    .addColumn('row_no', 'integer', notNull)
    .addColumn('term', 'text', notNull)
    .addColumn('category', 'text', notNull)
    .addColumn('severity', 'text')
    .addColumn('suggestion', 'text')
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('term_entries_pk', ['version_id', 'row_no'])
    .execute();
}
