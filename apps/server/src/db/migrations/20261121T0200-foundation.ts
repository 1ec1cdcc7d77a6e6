import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from '../database';
import { makeAppendOnly, notNull, withId, withRecordColumns } from './migration-kit';

/** Organization, accounts, sessions and the two logs. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const schema = db.schema;

  await withId(schema.createTable('units'), dialect)
    .addColumn('parent_id', 'integer', (col) => col.references('units.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('type', 'text', notNull)
    .addColumn('path', 'text', notNull)
    .addColumn('depth', 'integer', notNull)
    .addColumn('sort_order', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('remark', 'text', (col) => col.notNull().defaultTo(''))
    .$call(withRecordColumns)
    .execute();
  await schema.createIndex('units_path_idx').on('units').column('path').execute();
  await schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();

  await withId(schema.createTable('people'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('name', 'text', notNull)
    .addColumn('post', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('gender', 'text')
    .addColumn('phone', 'text')
    .addColumn('remark', 'text', (col) => col.notNull().defaultTo(''))
    .$call(withRecordColumns)
    .execute();
  await schema.createIndex('people_unit_idx').on('people').column('unit_id').execute();

  await withId(schema.createTable('responsibilities'), dialect)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('person_id', 'integer', (col) => col.notNull().references('people.id'))
    .addColumn('role', 'text', notNull)
    .addColumn('areas', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('year', 'integer', notNull)
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('responsibilities_unit_year_idx')
    .on('responsibilities')
    .columns(['unit_id', 'year'])
    .execute();

  await withId(schema.createTable('users'), dialect)
    .addColumn('username', 'text', notNull)
    .addColumn('display_name', 'text', notNull)
    .addColumn('password_hash', 'text', notNull)
    .addColumn('unit_id', 'integer', (col) => col.notNull().references('units.id'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active'))
    .addColumn('must_change_password', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('failed_attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('last_login_at', 'text')
    .addColumn('password_changed_at', 'text')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .addColumn('deleted_at', 'text')
    .execute();
  await schema
    .createIndex('users_username_live_idx')
    .on('users')
    .column('username')
    .unique()
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await withId(schema.createTable('roles'), dialect)
    .addColumn('name', 'text', notNull)
    .addColumn('code', 'text', (col) => col.notNull().unique())
    .addColumn('data_scope', 'text', notNull)
    .addColumn('permissions', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('remark', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('builtin', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .addColumn('created_at', 'text', notNull)
    .addColumn('updated_at', 'text', notNull)
    .execute();

  await schema
    .createTable('user_roles')
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('role_id', 'integer', (col) =>
      col.notNull().references('roles.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role_id'])
    .execute();

  await schema
    .createTable('sessions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'integer', (col) =>
      col.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', notNull)
    .addColumn('last_seen_at', 'text', notNull)
    .addColumn('expires_at', 'text', notNull)
    .addColumn('ip', 'text', notNull)
    .addColumn('user_agent', 'text', notNull)
    .execute();
  await schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await withId(schema.createTable('login_logs'), dialect)
    .addColumn('username', 'text', notNull)
    .addColumn('ip', 'text', notNull)
    .addColumn('user_agent', 'text', notNull)
    .addColumn('success', 'integer', notNull)
    .addColumn('message', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('login_logs_created_idx')
    .on('login_logs')
    .column('created_at')
    .execute();
  await makeAppendOnly(db, dialect, 'login_logs');

  await withId(schema.createTable('operation_logs'), dialect)
    .addColumn('user_id', 'integer')
    .addColumn('username', 'text', notNull)
    .addColumn('action', 'text', notNull)
    .addColumn('entity', 'text', notNull)
    .addColumn('entity_id', 'text')
    .addColumn('summary', 'text', notNull)
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('ip', 'text', notNull)
    .addColumn('created_at', 'text', notNull)
    .execute();
  await schema
    .createIndex('operation_logs_entity_idx')
    .on('operation_logs')
    .columns(['entity', 'entity_id'])
    .execute();
  await schema
    .createIndex('operation_logs_created_idx')
    .on('operation_logs')
    .column('created_at')
    .execute();
  await makeAppendOnly(db, dialect, 'operation_logs');
}
