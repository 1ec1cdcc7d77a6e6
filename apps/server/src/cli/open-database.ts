import { loadConfig } from '../config';
import type { AppConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { ensureBuiltinRoles } from '../modules/roles/ensure-builtin-roles';
import { RolesRepository } from '../modules/roles/roles.repository';

/**
 * Opens the configured database and brings it up to date: schema migrations, then the built-in
 * roles (a release that adds permissions grants them to the built-in roles here).
 */
export async function openMigratedDatabase(
  overrides: Partial<AppConfig> = {},
): Promise<{ db: Db; config: AppConfig; applied: string[] }> {
  const config = loadConfig(process.env, overrides);
  const db = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db);
    const now = new Date().toISOString();
    await db.kysely
      .transaction()
      .execute((trx) => ensureBuiltinRoles(new RolesRepository(trx), now, trx));
    return { db, config, applied };
  } catch (error) {
    await db.close();
    throw error;
  }
}
