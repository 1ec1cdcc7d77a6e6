// npm run bench:report — on a database filled by gen:scale (DATABASE_URL), times composing and
// exporting (.docx) a half-year report for a unit whose subtree holds about 100,000 records, beside
// the raw SQL time of the queries the composition issues (captured, then re-run on the driver) as
// the floor. Target: compose + export ≤ 5× the floor.
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
import { ALL_PERMISSIONS } from '../apps/server/src/modules/access/permissions';
import { exportReport } from '../apps/server/src/modules/reports/report-export';
import { createServices } from '../apps/server/src/services';
import { systemClock } from '../apps/server/src/shared/clock';

interface Captured {
  sql: string;
  params: readonly unknown[];
}

/** Opens the database like the app does, but logs every query and exposes the raw driver. */
function openInstrumented(url: string) {
  const captured: Captured[] = [];
  const capture = { on: false };
  const log = (event: LogEvent) => {
    if (capture.on && event.level === 'query')
      captured.push({ sql: event.query.sql, params: event.query.parameters });
  };
  if (url.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    const db: Db = {
      kysely,
      dialect: 'postgres',
      describe: 'PostgreSQL',
      close: () => kysely.destroy(),
    };
    return {
      db,
      captured,
      capture,
      raw: async (text: string, params: readonly unknown[]) => pool.query(text, [...params]),
    };
  }
  const file = url.replace(/^sqlite:/, '');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }), log });
  const db: Db = {
    kysely,
    dialect: 'sqlite',
    describe: `SQLite ${path.resolve(file)}`,
    close: () => kysely.destroy(),
  };
  const statements = new Map<string, SQLite.Statement>();
  return {
    db,
    captured,
    capture,
    raw: async (text: string, params: readonly unknown[]) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        statements.set(text, statement);
      }
      return statement.reader ? statement.all(...params) : statement.run(...params);
    },
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

const actor: Actor = {
  userId: 0,
  username: 'bench',
  displayName: 'bench',
  unitId: 0,
  unitPath: '/',
  dataScope: 'all',
  permissions: new Set([ALL_PERMISSIONS]),
  ip: '127.0.0.1',
};

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'sqlite:./data/scale.db';
  const period = process.env.BENCH_PERIOD ?? '2025H1';
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  const { db, captured, capture, raw } = openInstrumented(url);
  const config = loadConfig({}, { logLevel: 'silent' });
  const services = createServices(db, config, systemClock);
  try {
    const branches = await db.kysely
      .selectFrom('units')
      .select(['id', 'name', 'path'])
      .where('depth', '=', 1)
      .orderBy('id')
      .execute();
    if (branches.length === 0) throw new Error('没有二级单位：请先运行 npm run gen:scale');
    // The branch whose subtree holds the number of records closest to 100,000.
    let best: { id: number; name: string; records: number } | undefined;
    for (const b of branches) {
      const row = await db.kysely
        .selectFrom('activities')
        .innerJoin('units', 'units.id', 'activities.unit_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('units.path', '>=', b.path)
        .where('units.path', 'like', `${b.path}%`)
        .where('activities.deleted_at', 'is', null)
        .executeTakeFirstOrThrow();
      const records = Number(row.n);
      if (!best || Math.abs(records - 100_000) < Math.abs(best.records - 100_000))
        best = { id: b.id, name: b.name, records };
    }
    if (!best) throw new Error('no branch');
    const units = await db.kysely
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const total = await db.kysely
      .selectFrom('activities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    console.log(
      `bench:report on ${db.dialect} — ${Number(units.n).toLocaleString('en-US')} units, ${Number(total.n).toLocaleString('en-US')} records`,
    );
    console.log(
      `unit: ${best.name} (id ${best.id}), subtree ${best.records.toLocaleString('en-US')} records; period ${period} (half-year summary)`,
    );

    const body = { unitId: best.id, kind: 'summary' as const, period };
    // Warm-up (creates the year's framework on first use), then capture the SQL one composition issues.
    await services.reports.reports.compose(actor, body);
    captured.length = 0;
    capture.on = true;
    const warm = await services.reports.reports.compose(actor, body);
    capture.on = false;
    const queries = captured
      .filter((q) => /^\s*(select|with)\b/i.test(q.sql))
      .map((q) => ({ ...q }));
    const docx = await exportReport(warm.content, 'docx');
    console.log(
      `report: “${warm.content.title}”, ${warm.input.activityTotal.toLocaleString('en-US')} records in period, ${queries.length} queries, .docx ${docx.bytes.length.toLocaleString('en-US')} bytes`,
    );

    const composeTimes: number[] = [];
    const exportTimes: number[] = [];
    const totalTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t0 = performance.now();
      await Promise.all(queries.map((q) => raw(q.sql, q.params)));
      rawTimes.push(performance.now() - t0);
      const t1 = performance.now();
      const { content } = await services.reports.reports.compose(actor, body);
      const t2 = performance.now();
      await exportReport(content, 'docx');
      const t3 = performance.now();
      composeTimes.push(t2 - t1);
      exportTimes.push(t3 - t2);
      totalTimes.push(t3 - t1);
    }
    const floor = median(rawTimes);
    const measured = median(totalTimes);
    console.log('');
    console.log(`raw SQL of the aggregate queries (floor): ${fmt(floor)}`);
    console.log(`compose (SQL + composer + template):     ${fmt(median(composeTimes))}`);
    console.log(`export .docx:                             ${fmt(median(exportTimes))}`);
    console.log(`compose + export:                         ${fmt(measured)}`);
    console.log(
      `ratio: ${(measured / floor).toFixed(2)}× the floor (target ≤ 5×); medians of ${runs} runs`,
    );
  } finally {
    await db.close();
  }
}

await main();
