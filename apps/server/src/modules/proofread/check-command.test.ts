// End-to-end test of `taizhang check` (apps/server/src/cli/commands/check.ts) by spawning the CLI.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../../bin/taizhang.js', import.meta.url));

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, 'check', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DIRTY = [
  'XX党委关于2024年上半年意识形态工作的报告',
  '今年是新中国成立70周年。',
  '二、存在的问题',
  '一是学习不够。',
  '三、下一步工作打算',
  '加强学习。',
  'XX党委',
  '2024年7月10日',
].join('\n');

const CLEAN = [
  '市档案局党组关于2024年上半年意识形态工作的报告',
  '一、主要工作',
  '上半年开展理论学习中心组集中学习4次。',
  '二、存在的问题',
  '一是学习不够深入；二是宣传形式单一。',
  '三、下一步工作打算',
  '一是深化学习；二是创新形式。',
  '市档案局党组',
  '2024年7月10日',
].join('\n');

interface JsonReport {
  files: {
    file: string;
    date: string | null;
    dateSource: string;
    findings: { category: string; severity: string; line: number; excerpt: string }[];
  }[];
}

// Each spawn compiles the CLI with tsx, which takes seconds on a busy machine.
describe('taizhang check', { timeout: 180_000 }, () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'taizhang-check-'));
    await writeFile(join(dir, 'dirty.txt'), DIRTY);
    await writeFile(join(dir, 'clean.md'), CLEAN);
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(
      join(dir, 'terms.tsv'),
      'term\tcategory\tseverity\tsuggestion\tnote\n理论学习中心组\tforbidden\terror\t\t测试\n',
    );
    await writeFile(join(dir, 'bad-terms.tsv'), '甲\tnot-a-category\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exits 1 when a document has errors and prints them in Chinese', () => {
    const r = run(join(dir, 'dirty.txt'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('新中国成立70周年');
    expect(r.stdout).toContain('错误');
  });

  it('exits 0 for a clean document', () => {
    const r = run(join(dir, 'clean.md'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('prints JSON with the date used and why', () => {
    const r = run(join(dir, 'dirty.txt'), join(dir, 'clean.md'), '--format', 'json');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files).toHaveLength(2);
    expect(report.files[0]).toMatchObject({ date: '2024-07-10', dateSource: 'signature' });
    const first = report.files[0]?.findings[0];
    expect(first).toMatchObject({
      category: 'placeholder',
      severity: 'error',
      line: 1,
      excerpt: 'XX',
    });
  });

  it('checks against --date and reports it as the source', () => {
    const r = run(join(dir, 'clean.md'), '--date', '2019-07-10', '--format', 'json');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0]).toMatchObject({ date: '2019-07-10', dateSource: 'option' });
  });

  it('applies an organization term list', () => {
    const r = run(join(dir, 'clean.md'), '--terms', join(dir, 'terms.tsv'), '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.files[0]?.findings.some((f) => f.excerpt === '理论学习中心组')).toBe(true);
  });

  it('exits 2 with a Chinese message for unreadable input and bad usage', () => {
    const unreadable = run(join(dir, 'empty.txt'), join(dir, 'nope.txt'), join(dir, 'clean.md'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('文件为空');
    expect(unreadable.stderr).toMatch(/无法读取/);
    expect(unreadable.stdout).toContain('clean.md');
    const badDate = run(join(dir, 'clean.md'), '--date', '2024/07/10');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('YYYY-MM-DD');
    const badTerms = run(join(dir, 'clean.md'), '--terms', join(dir, 'bad-terms.tsv'));
    expect(badTerms.code).toBe(2);
    expect(badTerms.stderr).toContain('第1行');
  });
});
