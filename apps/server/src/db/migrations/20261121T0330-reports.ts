import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { makeAppendOnly, notNull, withId, withRecordColumns } from './migration-kit';

/** Reports (content as JSON, optimistic version), their saved versions and templates. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('reports'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('kind', 'text', notNull)
    .addColumn('period_key', 'text', notNull)
    .addColumn('period_from', 'text', notNull)
    .addColumn('period_to', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('content', 'text', notNull)
    .addColumn('options', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('document_date', 'text', notNull)
    .addColumn('return_reason', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('submitted_by', 'integer')
    .$call(withRecordColumns)
    .execute();
  await schema
    .createIndex('reports_unit_period_idx')
    .on('reports')
    .columns(['unit_id', 'period_key', 'kind'])
    .execute();
  await schema
    .createIndex('reports_status_period_idx')
    .on('reports')
    .columns(['status', 'period_key'])
    .execute();

  await withId(schema.createTable('report_versions'), dialect)
    .addColumn('report_id', 'integer', (col) => col.notNull().references('reports.id'))
    .addColumn('number', 'integer', notNull)
    .addColumn('content', 'text', notNull)
    .addColumn('note', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('report_versions_number_idx')
    .on('report_versions')
    .columns(['report_id', 'number'])
    .unique()
    .execute();
  await makeAppendOnly(db, dialect, 'report_versions');

  await withId(schema.createTable('report_templates'), dialect)
    .addColumn('kind', 'text', (col) => col.notNull().unique())
    .addColumn('body', 'text', notNull)
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('updated_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
}
