import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { notNull, withId, withRecordColumns } from './migration-kit';

/** The work ledger: activities with areas and evidence, channels, incidents, search index. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('activities'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('type', 'text', notNull)
    .addColumn('subtype', 'text', notNull)
    .addColumn('date', 'text', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('summary', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('participants', 'integer')
    .addColumn('topics', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('attendance', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('speakers', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('outlet', 'text')
    .addColumn('link', 'text')
    .addColumn('audience', 'integer')
    .addColumn('areas', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('extra', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('external_id', 'text')
    .addColumn('search_text', 'text', (col) => col.notNull().defaultTo(''))
    .$call(withRecordColumns)
    .execute();
  await schema
    .createIndex('activities_unit_date_idx')
    .on('activities')
    .columns(['unit_id', 'date'])
    .execute();
  await schema.createIndex('activities_date_idx').on('activities').column('date').execute();
  await schema
    .createIndex('activities_type_subtype_idx')
    .on('activities')
    .columns(['type', 'subtype'])
    .execute();
  await schema
    .createIndex('activities_external_idx')
    .on('activities')
    .column('external_id')
    .execute();

  await schema
    .createTable('activity_areas')
    .addColumn('activity_id', 'integer', (col) =>
      col.notNull().references('activities.id').onDelete('cascade'),
    )
    .addColumn('area', 'text', notNull)
    .addPrimaryKeyConstraint('activity_areas_pk', ['activity_id', 'area'])
    .execute();
  await schema
    .createIndex('activity_areas_area_idx')
    .on('activity_areas')
    .columns(['area', 'activity_id'])
    .execute();

  await withId(schema.createTable('evidence'), dialect)
    .addColumn('activity_id', 'integer', (col) => col.notNull().references('activities.id'))
    .addColumn('file_name', 'text', notNull)
    .addColumn('sha256', 'text')
    .addColumn('size', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('content_type', 'text', notNull)
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .addColumn('deleted_at', 'text')
    .execute();
  await schema.createIndex('evidence_activity_idx').on('evidence').column('activity_id').execute();

  await withId(schema.createTable('channels'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('platform', 'text', notNull)
    .addColumn('owner_person_id', 'integer', (col) => col.references('people.id'))
    .addColumn('purpose', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('registered', 'text')
    .addColumn('status', 'text', notNull)
    .addColumn('extra', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('external_id', 'text')
    .$call(withRecordColumns)
    .execute();
  await schema.createIndex('channels_unit_idx').on('channels').column('unit_id').execute();

  await withId(schema.createTable('incidents'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('found', 'text', notNull)
    .addColumn('source', 'text', notNull)
    .addColumn('link', 'text')
    .addColumn('summary', 'text', notNull)
    .addColumn('severity', 'text', notNull)
    .addColumn('status', 'text', notNull)
    .addColumn('closed', 'text')
    .addColumn('response', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('extra', 'text', (col) => col.notNull().defaultTo('{}'))
    .addColumn('external_id', 'text')
    .$call(withRecordColumns)
    .execute();
  await schema
    .createIndex('incidents_unit_found_idx')
    .on('incidents')
    .columns(['unit_id', 'found'])
    .execute();

  await schema
    .createTable('ledger_refs')
    .addColumn('kind', 'text', notNull)
    .addColumn('entity_id', 'integer', notNull)
    .addColumn('external_id', 'text', notNull)
    .addPrimaryKeyConstraint('ledger_refs_pk', ['kind', 'entity_id'])
    .execute();
  await schema
    .createIndex('ledger_refs_external_idx')
    .on('ledger_refs')
    .columns(['kind', 'external_id'])
    .execute();

  await createSearchIndex(db, dialect);
}

/** Full-text index over `activities.search_text` (tokens are prepared by the application). */
async function createSearchIndex(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  if (dialect === 'postgres') {
    await sql
      .raw(
        `CREATE INDEX activities_search_idx ON activities USING gin (to_tsvector('simple', search_text))`,
      )
      .execute(db);
    return;
  }
  // External-content FTS5 table kept in step with `activities` by triggers.
  await sql
    .raw(
      `CREATE VIRTUAL TABLE activities_fts USING fts5(search_text, content='activities', content_rowid='id', tokenize='unicode61')`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER activities_fts_ai AFTER INSERT ON activities BEGIN
         INSERT INTO activities_fts(rowid, search_text) VALUES (new.id, new.search_text);
       END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER activities_fts_ad AFTER DELETE ON activities BEGIN
         INSERT INTO activities_fts(activities_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
       END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER activities_fts_au AFTER UPDATE OF search_text ON activities BEGIN
         INSERT INTO activities_fts(activities_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
         INSERT INTO activities_fts(rowid, search_text) VALUES (new.id, new.search_text);
       END`,
    )
    .execute(db);
}
