import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { notNull, withId } from './migration-kit';

/** Responsibility frameworks per year: areas, requirements with cadence, subtype aliases. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('frameworks'), dialect)
    .addColumn('year', 'integer', (col) => col.notNull().unique())
    .addColumn('name', 'text', notNull)
    .addColumn('source_id', 'integer', (col) => col.references('frameworks.id'))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await withId(schema.createTable('framework_areas'), dialect)
    .addColumn('framework_id', 'integer', (col) =>
      col.notNull().references('frameworks.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', notNull)
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('framework_areas_name_idx')
    .on('framework_areas')
    .columns(['framework_id', 'name'])
    .unique()
    .execute();

  await withId(schema.createTable('framework_requirements'), dialect)
    .addColumn('framework_id', 'integer', (col) =>
      col.notNull().references('frameworks.id').onDelete('cascade'),
    )
    .addColumn('area_id', 'integer', (col) =>
      col.notNull().references('framework_areas.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('cadence', 'text', notNull)
    .addColumn('min_count', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('deadlines', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('tracking', 'text', notNull)
    .addColumn('evidence_types', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('evidence_subtypes', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('require_attendance', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('unit_types', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('framework_requirements_code_idx')
    .on('framework_requirements')
    .columns(['framework_id', 'code'])
    .unique()
    .execute();
  await schema
    .createIndex('framework_requirements_area_idx')
    .on('framework_requirements')
    .column('area_id')
    .execute();

  await withId(schema.createTable('subtype_aliases'), dialect)
    .addColumn('alias', 'text', (col) => col.notNull().unique())
    .addColumn('canonical', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();

  // Compliance reads every live record of a subtree in a date range; this index answers it
  // without touching the table (index-only on both dialects), which at 10^6 records is the
  // difference between random page reads and a range scan. The ledger migration owns the table.
  const include = dialect === 'postgres' ? ' INCLUDE (id)' : '';
  await sql
    .raw(
      `CREATE INDEX activities_compliance_idx ON activities (unit_id, date, type, subtype, deleted_at)${include}`,
    )
    .execute(db);
}
