// npm run bench:ledger — on a database filled by gen:scale (DATABASE_URL), measures through the
// real HTTP app (fastify inject, sessions, CSRF, validation, serialization):
//   • a filtered list page (20 rows) of a ~1,000-unit subtree, and the same SQL run raw on the
//     driver as the floor;
//   • the compliance status of a ~1,000-unit subtree for a whole year;
//   • the dashboard overview of the whole organization (GET, as the admin) and of a ~1,000-unit
//     subtree (the service, as a unit-and-below actor of the branch: no such user is generated);
// each under 1 and under 20 concurrent clients (p50/p95 in ms); then the list and the compliance
// again over real HTTP against `taizhang serve --workers N` in child processes (N = 1 and one
// per CPU), as deployed (BENCH_WORKERS overrides the worker counts, e.g. "1,2").
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type { LogEvent } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../apps/server/src/config';
import type { Db } from '../apps/server/src/db/database';
import '../apps/server/src/db/database';
import type { Database } from '../apps/server/src/db/schema';
import type { Actor } from '../apps/server/src/modules/access/data-scope';
import { buildApp } from '../apps/server/src/http/app';
import { TestAgent } from '../apps/server/test/helpers/test-agent';
import { HttpAgent, startServer } from './bench-http-server';
import { SCALE_ADMIN, SCALE_PASSWORD } from './gen-scale-account';

type RawRunner = (sql: string, params: readonly unknown[]) => Promise<unknown>;
interface Captured {
  sql: string;
  params: readonly unknown[];
}

/** Opens the database like the app does, but logs every query and exposes the raw driver. */
function openInstrumented(url: string): {
  db: Db;
  raw: RawRunner;
  captured: Captured[];
  capture: { on: boolean };
} {
  const captured: Captured[] = [];
  const capture = { on: false };
  const log = (event: LogEvent) => {
    if (capture.on && event.level === 'query')
      captured.push({ sql: event.query.sql, params: event.query.parameters });
  };
  if (url.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return {
      db: { kysely, dialect: 'postgres', describe: 'PostgreSQL', close: () => kysely.destroy() },
      raw: (text, params) => pool.query(text, [...params]),
      captured,
      capture,
    };
  }
  const file = url.replace(/^sqlite:/, '');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
  const statements = new Map<string, SQLite.Statement>();
  return {
    db: {
      kysely,
      dialect: 'sqlite',
      describe: `SQLite ${path.resolve(file)}`,
      close: () => kysely.destroy(),
    },
    raw: async (text, params) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement.all(...params);
    },
    captured,
    capture,
  };
}

function percentile(sorted: number[], p: number): number {
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
}

/** Runs `total` calls of `task(i)` from `clients` concurrent loops; returns p50/p95 in ms. */
async function measure(clients: number, total: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: (total / wall) * 1000,
    // CPU of this process per call (JS plus the in-process SQLite engine): independent of load.
    cpu: (cpu.user + cpu.system) / 1000 / total,
  };
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms.toFixed(1)).padStart(7);

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/scale.db';
  const listN = Number(process.env.BENCH_LIST_N ?? 200);
  const complianceN = Number(process.env.BENCH_COMPLIANCE_N ?? 20);
  const dashboardN = Number(process.env.BENCH_DASHBOARD_N ?? 10);
  const { db, raw, captured, capture } = openInstrumented(url);
  const config = loadConfig(
    {},
    {
      apiRateLimit: 1_000_000_000,
      loginRateLimit: 1_000_000,
      logLevel: 'silent',
      sessionIdleMinutes: 600,
    },
  );
  const app = await buildApp({ db, config, logger: false });
  await app.ready();
  try {
    const records = await db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const branches = await db.kysely
      .selectFrom('units')
      .select(['id', 'path'])
      .where('depth', '=', 1)
      .orderBy('id')
      .execute();
    if (branches.length === 0) throw new Error('没有二级单位：请先运行 npm run gen:scale');
    const sizes = await Promise.all(
      branches.map(async (b) => {
        const row = await db.kysely
          .selectFrom('units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('path', '>=', b.path)
          .where('path', 'like', `${b.path}%`)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      }),
    );
    console.log(
      `bench:ledger on ${db.dialect} — ${Number(records.n).toLocaleString('en-US')} records; subtrees of ${Math.min(...sizes)}–${Math.max(...sizes)} units`,
    );

    const agent = new TestAgent(app);
    const login = await agent.post('/api/auth/login', {
      username: SCALE_ADMIN,
      password: SCALE_PASSWORD,
    });
    if (login.statusCode !== 200) throw new Error(`登录失败：${login.body}`);

    const listUrl = (i: number) =>
      `/api/activities?unitId=${branches[i % branches.length]?.id}&includeSubunits=true&type=meeting&period=2026&pageSize=20`;
    const complianceUrl = (i: number) =>
      `/api/compliance?unitId=${branches[i % branches.length]?.id}&period=2026&includeSubunits=true`;
    const get = async (target: string) => {
      const response = await agent.get(target);
      if (response.statusCode !== 200)
        throw new Error(`${target} → ${response.statusCode} ${response.body.slice(0, 300)}`);
      return response;
    };

    // The list's own SQL (not the session lookups), captured per subtree for the raw floor.
    const listSql: Captured[][] = [];
    for (let i = 0; i < branches.length; i += 1) {
      captured.length = 0;
      capture.on = true;
      await get(listUrl(i));
      capture.on = false;
      listSql.push(captured.filter((q) => /from "activities"/i.test(q.sql)).map((q) => ({ ...q })));
    }
    if (listSql.some((qs) => qs.length === 0)) throw new Error('未捕获到列表查询的 SQL');
    const firstResponse = await get(complianceUrl(0));
    const first = firstResponse.json<{
      units: unknown[];
      summary: { counts: Record<string, number> };
    }>();
    console.log(
      `compliance sample: ${first.units.length} units, ${(Buffer.byteLength(firstResponse.body) / 1024).toFixed(0)} KiB of JSON, ${JSON.stringify(first.summary.counts)}`,
    );

    const admin = await db.kysely
      .selectFrom('users')
      .select(['id', 'username', 'display_name'])
      .where('username', '=', SCALE_ADMIN)
      .executeTakeFirstOrThrow();
    const branchActor = (i: number): Actor => {
      const branch = branches[i % branches.length];
      if (!branch) throw new Error('no branch');
      return {
        userId: admin.id,
        username: admin.username,
        displayName: admin.display_name,
        unitId: branch.id,
        unitPath: branch.path,
        dataScope: 'unit_and_below',
        permissions: new Set(['dashboard:view', 'compliance:view']),
        ip: '127.0.0.1',
      };
    };

    const rawList = async (i: number) => {
      await Promise.all((listSql[i % listSql.length] ?? []).map((q) => raw(q.sql, q.params)));
    };
    const rows: string[] = [];
    const dashboardRows: string[] = [];
    for (const clients of [1, 20]) {
      const rawStats = await measure(clients, listN, rawList);
      const list = await measure(clients, listN, async (i) => {
        await get(listUrl(i));
      });
      // Warm: every subtree viewed once (the cold run below empties the stored counts).
      for (let i = 0; i < branches.length; i += 1) await get(complianceUrl(i));
      const compliance = await measure(
        clients,
        complianceN * (clients === 1 ? 1 : 2),
        async (i) => {
          await get(complianceUrl(i));
        },
      );
      // Cold: the materialized counts are emptied before every call, so each call counts its
      // whole subtree in SQL again (and stores it), as after a year's first view.
      const cold = await measure(clients, complianceN * (clients === 1 ? 1 : 2), async (i) => {
        await db.kysely.deleteFrom('compliance_counts').execute();
        await get(complianceUrl(i));
      });
      // The cold run above emptied the stored counts: view each scope once first, as users have.
      await get('/api/dashboard/overview');
      for (let i = 0; i < branches.length; i += 1)
        await app.services.dashboard.overview(branchActor(i));
      const overviewAll = await measure(clients, dashboardN * (clients === 1 ? 1 : 2), async () => {
        await get('/api/dashboard/overview');
      });
      const overviewSubtree = await measure(
        clients,
        dashboardN * (clients === 1 ? 1 : 2),
        async (i) => {
          await app.services.dashboard.overview(branchActor(i));
        },
      );
      dashboardRows.push(
        `${String(clients).padStart(7)} | ${fmt(overviewAll.p50)} ${fmt(overviewAll.p95)} ${fmt(overviewAll.cpu)} | ${fmt(overviewSubtree.p50)} ${fmt(overviewSubtree.p95)} ${fmt(overviewSubtree.cpu)}`,
      );
      rows.push(
        `${String(clients).padStart(7)} | ${fmt(rawStats.p50)} ${fmt(rawStats.p95)} | ${fmt(list.p50)} ${fmt(list.p95)} | ${(list.p95 / rawStats.p95).toFixed(1).padStart(5)}× | ${fmt(compliance.p50)} ${fmt(compliance.p95)} | ${compliance.rps.toFixed(1).padStart(6)} | ${fmt(cold.p50)} ${fmt(cold.p95)} | ${fmt(rawStats.cpu)} ${fmt(list.cpu)} ${fmt(compliance.cpu)} ${fmt(cold.cpu)}`,
      );
    }
    console.log('');
    console.log(
      `dialect: ${db.dialect}; list = GET ${listUrl(0).replace(/unitId=\d+/, 'unitId=<subtree>')}`,
    );
    console.log(
      `         compliance = GET ${complianceUrl(0).replace(/unitId=\d+/, 'unitId=<subtree>')}`,
    );
    console.log(
      '         compliance reads the counts materialized per unit (recounting units whose records changed);',
    );
    console.log('         cold = the materialized counts emptied before every call');

    console.log(
      'clients |  raw SQL p50/p95  |  list API p50/p95  | p95 ratio | compliance p50/p95 | compl. req/s | cold compl. p50/p95 | CPU ms/call raw, list, compliance, cold',
    );
    for (const row of rows) console.log(row);
    console.log('');
    console.log(
      'dashboard overview: whole org = GET /api/dashboard/overview (admin); subtree = service, unit_and_below a branch',
    );
    console.log('clients | whole org p50/p95, CPU ms/call | subtree p50/p95, CPU ms/call');
    for (const row of dashboardRows) console.log(row);

    const workerCounts = (process.env.BENCH_WORKERS ?? `1,${os.availableParallelism()}`)
      .split(',')
      .map(Number)
      .filter((n, i, all) => n >= 1 && all.indexOf(n) === i);
    const httpRows: string[] = [];
    for (const workers of workerCounts) {
      const served = await startServer(url, workers);
      try {
        const client = new HttpAgent(served.url);
        await client.login(SCALE_ADMIN, SCALE_PASSWORD);
        for (let i = 0; i < branches.length; i += 1) await client.get(complianceUrl(i)); // warm-up
        for (const clients of [1, 20]) {
          const list = await measure(clients, listN, async (i) => {
            await client.get(listUrl(i));
          });
          const compliance = await measure(
            clients,
            complianceN * (clients === 1 ? 1 : 2),
            async (i) => {
              await client.get(complianceUrl(i));
            },
          );
          httpRows.push(
            `${String(workers).padStart(7)} | ${String(clients).padStart(7)} | ${fmt(list.p50)} ${fmt(list.p95)} | ${fmt(compliance.p50)} ${fmt(compliance.p95)} | ${compliance.rps.toFixed(1).padStart(6)}`,
          );
        }
      } finally {
        await served.stop();
      }
    }
    console.log('');
    console.log(
      'over HTTP: `taizhang serve --workers N` in child processes, same URLs, fetch keep-alive',
    );
    console.log('workers | clients |  list p50/p95  | compliance p50/p95 | compl. req/s');
    for (const row of httpRows) console.log(row);
    console.log(
      `load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${os.cpus().length} CPUs`,
    );
    console.log('(milliseconds; targets: list p95 ≤ 5× raw SQL p95, subtree compliance ≤ 1000 ms)');
  } finally {
    await app.close();
    await db.close();
  }
}

await main();
