import { Migrator, sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import type { Db } from './database';
import type { DialectMigration } from './migrations/migration-kit';
import * as foundation from './migrations/20261121T0200-foundation';
import * as ledger from './migrations/20261121T0300-ledger';
import * as framework from './migrations/20261121T0310-framework';
import * as proofread from './migrations/20261121T0320-proofread';
import * as reports from './migrations/20261121T0330-reports';
import * as compliancePerf from './migrations/20261121T0340-compliance-perf';
import * as complianceCounts from './migrations/20261121T0500-compliance-counts';
import * as countScope from './migrations/20261121T0510-requirement-count-scope';

// Timestamped, forward-only migrations, applied in name order on both dialects.
const migrations: Record<string, DialectMigration> = {
  '20261121T0200-foundation': foundation,
  '20261121T0300-ledger': ledger,
  '20261121T0310-framework': framework,
  '20261121T0320-proofread': proofread,
  '20261121T0330-reports': reports,
  '20261121T0340-compliance-perf': compliancePerf,
  '20261121T0500-compliance-counts': complianceCounts,
  '20261121T0510-requirement-count-scope': countScope,
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

async function currentSchema(db: Db): Promise<string | undefined> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(
    db.kysely,
  );
  return result.rows[0]?.schema;
}

/** Applies every pending migration; returns the names applied by this call. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  // Kysely looks for its own tables in every schema unless told which one; with a schema per
  // test run on PostgreSQL it would find another schema's and skip creating its own.
  const migrationTableSchema = db.dialect === 'postgres' ? await currentSchema(db) : undefined;
  const migrator = new Migrator({
    db: db.kysely,
    provider: new DialectAwareProvider(db),
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}：${String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
