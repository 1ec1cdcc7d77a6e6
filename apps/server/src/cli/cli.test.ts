import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, testDialect } from '../../test/helpers/test-db';

const bin = path.resolve(import.meta.dirname, '../../bin/taizhang.js');
let databaseUrl = '';

// The CLI opens DATABASE_URL itself: a database of its own, on the suite's dialect.
function run(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: databaseUrl },
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each case spawns real processes (TypeScript loader start-up included), hence the long timeouts.
describe(`taizhang CLI on ${testDialect()}`, () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  beforeAll(async () => {
    database = await createTestDatabaseUrl();
    databaseUrl = database.url;
  });
  afterAll(async () => database?.dispose());

  it('prints help in Chinese with every command listed', () => {
    const { code, stdout } = run(['--help']);
    expect(code).toBe(0);
    for (const command of ['serve', 'migrate', 'demo', 'user', 'check'])
      expect(stdout).toContain(command);
    expect(stdout).toContain('DATABASE_URL');
  }, 120_000);

  it('migrates, creates the demo once, and adds a user with a generated strong password', () => {
    expect(run(['migrate']).stdout).toContain('已执行迁移');
    expect(run(['migrate']).stdout).toContain('数据库已是最新');
    expect(run(['demo']).stdout).toContain('已创建演示组织');
    expect(run(['demo']).stdout).toContain('已存在，未重复创建');
    const added = run([
      'user',
      'add',
      'zhangsan',
      '--unit',
      '集团机关第一党支部',
      '--role',
      'clerk',
      '--name',
      '张三',
    ]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/初始密码：\S{12,}/);
    const duplicate = run(['user', 'add', 'zhangsan', '--unit', '集团机关第一党支部']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('已存在');
  }, 120_000);

  it('exits with 2 and a Chinese message on bad usage', () => {
    const unknown = run(['frobnicate']);
    expect(unknown.code).toBe(2);
    const weak = run(['user', 'add', 'lisi', '--unit', '1', '--password', 'weak']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码至少 8 位');
    const noUnit = run([
      'user',
      'add',
      'wangwu',
      '--unit',
      '不存在的单位',
      '--password',
      'Strong#Pass1',
    ]);
    expect(noUnit.code).toBe(2);
    expect(noUnit.stderr).toContain('找不到单位');
  }, 120_000);
});
