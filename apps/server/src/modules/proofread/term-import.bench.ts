// Times the term list pipeline at 10^5 rows on the dialect of DATABASE_URL (SQLite by default):
//   npx tsx apps/server/src/modules/proofread/term-import.bench.ts [ROWS]
import { createTestDb } from '../../../test/helpers/test-db';
import { seedDemo } from '../../demo/seed-demo';
import type { Actor } from '../access/data-scope';
import { systemClock } from '../../shared/clock';
import { AuditRepository } from '../audit/audit.repository';
import { AuditService } from '../audit/audit.service';
import { UnitsRepository } from '../units/units.repository';
import { createProofreadModule } from './proofread.module';
import { parseTermFile } from './term-file-parser';
import { readXlsxRows } from './xlsx-rows-reader';

const rows = Number(process.argv[2] ?? 100_000);
const db = await createTestDb();
await seedDemo(db, systemClock);
const audit = new AuditService(new AuditRepository(db.kysely), systemClock);
const proofread = createProofreadModule({
  db,
  clock: systemClock,
  audit,
  units: new UnitsRepository(db.kysely),
});
const root = await db.kysely
  .selectFrom('units')
  .select(['id', 'path'])
  .orderBy('id')
  .executeTakeFirstOrThrow();
const actor: Actor = {
  userId: 1,
  username: 'bench',
  displayName: 'bench',
  unitId: root.id,
  unitPath: root.path,
  dataScope: 'all',
  permissions: new Set(['*:*:*']),
  ip: '127.0.0.1',
};

const lines = ['词条\t类别\t级别\t建议\t备注'];
for (let i = 0; i < rows; i++)
  lines.push(`基准词${i.toString(36)}号\t${i % 2 ? '禁用' : '慎用'}\t\t建议${i}\t备注`);
const tsv = Buffer.from(lines.join('\n'));

const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const result = await run();
  console.log(`${label.padEnd(34)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return result;
};

console.log(`${db.dialect}, ${rows} rows (${(tsv.length / 1024 / 1024).toFixed(1)} MB TSV)`);
const list = await proofread.termLists.create(actor, { name: '基准词表' });
await time('parse TSV only', () => parseTermFile(tsv, 'bench.tsv'));
await time('upload TSV (parse + insert)', () =>
  proofread.termLists.upload(actor, list.id, { fileName: 'bench.tsv', bytes: tsv }),
);
await time('first check (load + compile + check)', () =>
  proofread.checker.check(actor, { text: '基准词1号', termListIds: [list.id] }),
);
await time('cached check', () =>
  proofread.checker.check(actor, { text: '基准词1号', termListIds: [list.id] }),
);
const xlsx = await time('export .xlsx', () =>
  proofread.termLists.exportXlsx(actor, list.id, undefined),
);
await time('read .xlsx rows', () => readXlsxRows(xlsx.bytes, 5));
await time('upload .xlsx (new version)', () =>
  proofread.termLists.upload(actor, list.id, { fileName: 'bench.xlsx', bytes: xlsx.bytes }),
);
const [, first] = await proofread.termLists.versions(actor, list.id).then((v) => [v[0], v[1]]);
if (first)
  await time('rollback (copy version forward)', () =>
    proofread.termLists.rollback(actor, list.id, first.id),
  );
await db.dispose();
