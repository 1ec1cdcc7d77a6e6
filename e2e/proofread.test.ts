import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, startTestServer } from '../apps/server/test/helpers/test-server';
import type { TestServer } from '../apps/server/test/helpers/test-server';
import { browserAvailable, ensureWebBuilt, launchBrowser, TEST_OUTPUT_DIR } from './browser';

const NEW_PASSWORD = 'Qingchuan#2026';
const TEXT = [
  '集团机关第一党支部关于2024年上半年意识形态工作的报告',
  '',
  '今年以来，XX同志带领支部认真落实意识形态工作责任制，，开展最最重要的学习。',
  '截止目前,支部共开展集中学习3次。',
  '一、主要工作',
  '二、存在的问题',
  '三、下一步工作打算',
  '',
  '集团机关第一党支部',
  '2024年7月10日',
].join('\n');

describe.runIf(browserAvailable())('proofreading a pasted report in Chromium', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    await ensureWebBuilt();
    server = await startTestServer();
    url = server.url;
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.route(
      (u) => !u.href.startsWith(url),
      (route) => route.abort(),
    );
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    'uploads a term list, checks text, locates and fixes findings, exports',
    { timeout: 120_000 },
    async () => {
      await page.goto(`${url}/login`);
      await page.getByTestId('login-username').fill('jiguan1');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('password-change-required').waitFor();
      await page.getByTestId('password-old').fill(DEMO_PASSWORD);
      await page.getByTestId('password-new').fill(NEW_PASSWORD);
      await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
      await page.getByTestId('password-submit').click();
      await page.getByTestId('dashboard').waitFor();

      await page.getByTestId('menu-proofread-terms').click();
      await page.waitForURL(/\/proofread\/terms$/);
      await page.getByTestId('term-list-create').click();
      await page.getByRole('dialog').getByLabel('词表名称').fill('支部词表');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|保\s*存/ })
        .click();
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.getByTestId('term-lists-table').getByText('支部词表', { exact: true }).waitFor();
      await page.getByTestId('term-list-upload').first().click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'bad.tsv',
        mimeType: 'text/plain',
        buffer: Buffer.from('\t禁用\n词\t乱写\n'),
      });
      await page.getByTestId('term-upload-error').waitFor();
      await dialog.getByText('第 1 行').waitFor();
      await dialog.getByRole('cell', { name: /未知类别/ }).waitFor();
      await page.screenshot({ path: path.join(TEST_OUTPUT_DIR, 'proofread-term-errors.png') });
      await dialog.locator('input[type=file]').setInputFiles({
        name: 'ok.tsv',
        mimeType: 'text/plain',
        buffer: Buffer.from('最最重要\t禁用\t\t最重要\n'),
      });
      await page.getByText(/已导入为第 1 版/).waitFor();

      await page.goto(`${url}/proofread`);
      await page.getByTestId('proofread-input').fill(TEXT);
      await page.getByTestId('proofread-run').click();
      await page.getByTestId('proofread-text').waitFor();
      const note = await page.getByTestId('proofread-date-note').innerText();
      expect(note).toContain('2024年7月10日');
      expect(note).toContain('推断');
      const items = page.getByTestId('proofread-finding');
      expect(await items.count()).toBeGreaterThan(1);
      await items.filter({ hasText: '占位符' }).first().click();
      await page.locator('mark.pf-flash').first().waitFor();
      expect(await page.locator('mark.pf-flash').first().innerText()).toBe('XX');
      await page.screenshot({
        path: path.join(TEST_OUTPUT_DIR, 'proofread-page.png'),
        fullPage: true,
      });

      const term = items.filter({ hasText: '最最重要' }).first();
      await term.getByRole('button', { name: '应用建议' }).click();
      await page.getByText('已应用建议并重新校对').waitFor();
      expect(await page.getByTestId('proofread-text').innerText()).toContain('开展最重要的学习');

      // Ignoring the placeholder takes it out of the list; it stays ignored through later checks.
      const placeholder = items.filter({ hasText: '占位符' });
      expect(await placeholder.count()).toBe(1);
      await placeholder.getByRole('button', { name: /忽\s*略/ }).click();
      await page.getByTestId('proofread-ignored').getByText('已忽略 1 处').waitFor();
      expect(await placeholder.count()).toBe(0);

      // The three remaining suggestions at once (，， → ，  截止 → 截至  , → ，), then undone.
      const textView = page.getByTestId('proofread-text');
      await page.getByTestId('proofread-apply-all').filter({ hasText: '全部应用（3）' }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /应\s*用/ })
        .click();
      await page.getByText('已应用 3 条建议并重新校对').waitFor();
      expect(await textView.innerText()).toContain('责任制，开展最重要的学习');
      expect(await textView.innerText()).toContain('截至目前，支部共开展');
      await page.getByTestId('proofread-apply-all').filter({ hasText: '全部应用（0）' }).waitFor();
      await page.getByTestId('proofread-ignored').getByText('已忽略 1 处').waitFor();
      expect(await placeholder.count()).toBe(0);
      await page.getByTestId('proofread-undo').click();
      await page.getByText('已撤销上一次修改并重新校对').waitFor();
      expect(await textView.innerText()).toContain('截止目前,支部共开展');
      expect(await textView.innerText()).toContain('开展最重要的学习');
      await page.getByTestId('proofread-apply-all').filter({ hasText: '全部应用（3）' }).waitFor();

      const exportAs = async (item: RegExp, fileName: string) => {
        await page.getByTestId('proofread-export').click();
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('menuitem', { name: item }).click(),
        ]);
        const saved = path.join(TEST_OUTPUT_DIR, fileName);
        await download.saveAs(saved);
        return { saved, suggested: download.suggestedFilename() };
      };
      const excel = await exportAs(/问题清单/, 'proofread-findings.xlsx');
      expect(fs.statSync(excel.saved).size).toBeGreaterThan(1000);
      // The checked text as an official document, its title read from the first line.
      const word = await exportAs(/公文格式 Word/, 'proofread-official.docx');
      expect(word.suggested).toBe('集团机关第一党支部关于2024年上半年意识形态工作的报告.docx');
      const { value } = await mammoth.extractRawText({ path: word.saved });
      expect(value).toContain('截止目前,支部共开展集中学习3次。');
      expect(value).toContain('2024年7月10日');
    },
  );
});
