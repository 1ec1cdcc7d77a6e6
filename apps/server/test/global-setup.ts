import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');

// Runs once before the whole suite: says which database the suite runs on, and makes sure the
// web app is built (browser tests serve it) — the build is skipped when it is up to date.
export default function setup(): void {
  const url = process.env.DATABASE_URL ?? '';
  const dialect = url.startsWith('postgres') ? 'PostgreSQL' : 'SQLite';
  console.log(`[taizhang tests] database dialect: ${dialect}`);
  if (process.env.TAIZHANG_SKIP_WEB_BUILD === '1') return;
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build-web-if-needed.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) console.warn('[taizhang tests] 前端构建失败：浏览器测试将报告失败原因');
}
