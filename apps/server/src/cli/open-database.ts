import { loadConfig } from '../config';
import type { AppConfig } from '../config';
import { openDatabase } from '../db/database';
import type { Db } from '../db/database';
import { migrateToLatest } from '../db/migrator';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedDatabase(overrides: Partial<AppConfig> = {}): Promise<{ db: Db; config: AppConfig; applied: string[] }> {
  const config = loadConfig(process.env, overrides);
  const db = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(db);
    return { db, config, applied };
  } catch (error) {
    await db.close();
    throw error;
  }
}
