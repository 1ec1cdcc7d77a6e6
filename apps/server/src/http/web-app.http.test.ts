import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/helpers/test-app';
import type { TestApp } from '../../test/helpers/test-app';

describe('serving the web app', () => {
  let t: TestApp;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-dist-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>台账</title>');
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'assets/app.js'), 'console.log(1)');
    t = await createTestApp({ demo: false, config: { webDistDir: dist } });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('serves files, the app shell for client routes, and 404 for missing files and API routes', async () => {
    const agent = t.agent();
    expect((await agent.get('/assets/app.js')).body).toBe('console.log(1)');
    const route = await agent.get('/org/units/3');
    expect(route.statusCode).toBe(200);
    expect(route.headers['content-type']).toContain('text/html');
    expect(route.body).toContain('台账');
    expect((await agent.get('/assets/missing.js')).statusCode).toBe(404);
    expect((await agent.get('/api/health')).json()).toEqual({ status: 'ok' });
  });

  it('serves a rebuilt file without a restart', async () => {
    fs.writeFileSync(path.join(dist, 'assets/new.js'), 'console.log(2)');
    expect((await t.agent().get('/assets/new.js')).body).toBe('console.log(2)');
  });
});
