import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Db } from './database';
import type { DialectMigration } from './migrations/migration-kit';
import * as foundation from './migrations/20261121T0200-foundation';

// Timestamped, forward-only migrations, applied in name order on both dialects.
const migrations: Record<string, DialectMigration> = {
  '20261121T0200-foundation': foundation,
};

class DialectAwareProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const result: Record<string, Migration> = {};
    for (const [name, migration] of Object.entries(migrations)) {
      result[name] = {
        up: (kysely: Kysely<unknown>) => migration.up(kysely, this.db.dialect),
      };
    }
    return result;
  }
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new DialectAwareProvider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
