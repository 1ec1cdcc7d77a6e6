import { buildApp } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import { seedDemo } from '../../src/demo/seed-demo';
import { seedDemoRecords } from '../../src/demo/demo-records';
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_ROOT_UNIT } from '../../src/demo/demo-organization';
import { systemClock } from '../../src/shared/clock';
import { createTestDb } from './test-db';

export { DEMO_ADMIN, DEMO_PASSWORD, DEMO_ROOT_UNIT };

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The real server listening on a random local port, on a fresh database with the demo
 * organization (and, with `records`, its ledger records), serving the built web app
 * (apps/web/dist) — for browser tests.
 */
export async function startTestServer(options: { records?: boolean } = {}): Promise<TestServer> {
  const db = await createTestDb();
  await seedDemo(db, systemClock);
  // The demo year of ledger records, with some duties deliberately missed.
  if (options.records) await seedDemoRecords(db, systemClock);
  const config = loadConfig(
    {},
    { port: 0, host: '127.0.0.1', loginRateLimit: 1000, apiRateLimit: 100_000, logLevel: 'silent' },
  );
  const app = await buildApp({ db, config, logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}
