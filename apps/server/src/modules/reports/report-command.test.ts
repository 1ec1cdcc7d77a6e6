// End-to-end test of `taizhang report` (apps/server/src/cli/commands/report.ts) by spawning the CLI
// on a database of its own (DATABASE_URL), with the demo organization and its records.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialect } from '../../../test/helpers/test-db';

const BIN = fileURLToPath(new URL('../../../bin/taizhang.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'taizhang-report-cli-'));
let env: NodeJS.ProcessEnv = process.env;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env,
    cwd: dir,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// The CLI opens DATABASE_URL itself: give it a database of its own on the suite's dialect.
describe(`taizhang report on ${testDialect()}`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  beforeAll(async () => {
    database = await createTestDatabaseUrl();
    env = { ...process.env, DATABASE_URL: database.url };
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database?.dispose();
  });

  it('writes each format from the ledger of DATABASE_URL', { timeout: 180_000 }, () => {
    expect(run('demo').code).toBe(0);
    const docx = run(
      'report',
      '--unit',
      '客运分公司党总支',
      '--period',
      '2025',
      '--type',
      'selfcheck',
      '--out',
      'r.docx',
    );
    expect(docx.code, docx.stderr).toBe(0);
    expect(docx.stdout).toContain('自查报告');
    expect(readFileSync(join(dir, 'r.docx')).subarray(0, 2).toString()).toBe('PK');
    const md = run('report', '--unit', '客运分公司党总支', '--period', '2025H2', '--out', 'r.md');
    expect(md.code, md.stderr).toBe(0);
    expect(readFileSync(join(dir, 'r.md'), 'utf8')).toMatch(
      /^# 客运分公司党总支关于2025年下半年意识形态工作的报告/,
    );
    const json = run(
      'report',
      '--unit',
      '客运分公司党总支',
      '--period',
      '2025',
      '--type',
      'topical',
      '--topic',
      '理论学习',
      '--out',
      'r.json',
    );
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { kind: string }).kind).toBe(
      'topical',
    );
  });

  it.each([
    [['report', '--unit', '客运分公司党总支', '--period', '2025', '--out', 'r.pdf'], /扩展名/],
    [['report', '--unit', '不存在的单位', '--period', '2025', '--out', 'r.md'], /找不到单位/],
    [['report', '--unit', '客运分公司党总支', '--period', '2025Q9', '--out', 'r.md'], /期间/],
    [['report', '--unit', '客运分公司党总支', '--out', 'r.md'], /--period/],
  ])('exits 2 with a Chinese message on bad usage (%j)', (args, message) => {
    const result = run(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
