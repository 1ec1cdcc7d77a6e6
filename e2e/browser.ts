// Launches the system Chromium for browser tests and checks that the web app is built.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEST_OUTPUT_DIR = path.join(REPO_ROOT, 'test-output');

const WEB_DIR = path.join(REPO_ROOT, 'apps/web');
const WEB_INDEX = path.join(WEB_DIR, 'dist/index.html');

/**
 * Whether browser tests can run here. Without Chromium they are skipped loudly, except under
 * CI=true where a missing browser is a failure (nothing may skip in CI).
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}; browser tests cannot run (install the Debian package "chromium").`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`\n!!! ${message} SKIPPING browser tests.\n`);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The test setup (apps/server/test/global-setup.ts) builds the web app. In a shared working tree
 * another build may be rewriting dist right now, so wait a while before giving up.
 */
export async function ensureWebBuilt(timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(WEB_INDEX)) {
    if (Date.now() > deadline) {
      throw new Error(
        `The web app is not built (${WEB_INDEX} is missing): run \`npm run build -w @taizhang/web\`.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
