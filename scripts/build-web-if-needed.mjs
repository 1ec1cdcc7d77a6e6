// Builds the web app when its sources are newer than the last build (or there is none),
// so `npm start` works on a fresh clone and stays quick afterwards.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'apps/web');
const index = path.join(web, 'dist/index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
if (process.argv.includes('--force') || builtAt < newestMtime(web)) {
  console.log('正在构建前端（首次约需半分钟）…');
  execSync('npm run build -w @taizhang/web', { cwd: root, stdio: 'inherit' });
} else {
  console.log('前端构建产物已是最新。');
}
