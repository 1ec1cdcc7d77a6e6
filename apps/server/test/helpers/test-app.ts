import { buildApp } from '../../src/http/app';
import type { App } from '../../src/http/app';
import { loadConfig } from '../../src/config';
import type { AppConfig } from '../../src/config';
import { seedDemo } from '../../src/demo/seed-demo';
import { seedDemoRecords } from '../../src/demo/demo-records';
import { DEMO_PASSWORD } from '../../src/demo/demo-organization';
import { manualClock } from '../../src/shared/clock';
import { createTestDb } from './test-db';
import type { TestDb } from './test-db';
import { TestAgent } from './test-agent';

export { DEMO_PASSWORD };
/** The password test helpers set when a demo account is made ready for use. */
export const CHANGED_PASSWORD = 'Changed#2026ok';

export interface TestApp {
  app: App;
  db: TestDb;
  clock: ReturnType<typeof manualClock>;
  config: AppConfig;
  /** A fresh agent with no session. */
  agent(): TestAgent;
  /** Logs in with the given password (default: the demo password); does not change it. */
  login(username: string, password?: string): Promise<TestAgent>;
  /** Logs a demo account in and changes its initial password, so it can use the whole API. */
  ready(username: string): Promise<TestAgent>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  demo?: boolean;
  /** Also the demo year of ledger records (some duties deliberately missed). */
  records?: boolean;
  config?: Partial<AppConfig>;
}

/** The real application on a fresh database, with the demo organization unless told otherwise. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDb();
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const config = loadConfig(
    {},
    { loginRateLimit: 1000, apiRateLimit: 100_000, logLevel: 'silent', ...options.config },
  );
  if (options.demo ?? true) await seedDemo(db, clock);
  if (options.records) await seedDemoRecords(db, clock);
  const app = await buildApp({ db, config, clock, logger: false });
  await app.ready();
  const readyAgents = new Map<string, TestAgent>();

  const login = async (username: string, password = DEMO_PASSWORD) => {
    const agent = new TestAgent(app);
    const response = await agent.post('/api/auth/login', { username, password });
    if (response.statusCode !== 200)
      throw new Error(`login ${username} failed: ${response.statusCode} ${response.body}`);
    return agent;
  };

  return {
    app,
    db,
    clock,
    config,
    agent: () => new TestAgent(app),
    login,
    async ready(username) {
      const cached = readyAgents.get(username);
      if (cached) return cached;
      const agent = await login(username);
      const me = (await agent.get('/api/auth/me')).json() as { mustChangePassword: boolean };
      if (me.mustChangePassword) {
        const changed = await agent.post('/api/auth/password', {
          oldPassword: DEMO_PASSWORD,
          newPassword: CHANGED_PASSWORD,
        });
        if (changed.statusCode !== 204)
          throw new Error(`password change for ${username} failed: ${changed.body}`);
      }
      readyAgents.set(username, agent);
      return agent;
    },
    async close() {
      await app.close();
      await db.dispose();
    },
  };
}
