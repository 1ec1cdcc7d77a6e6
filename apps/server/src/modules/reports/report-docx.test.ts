import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StructuredReport } from '@taizhang/composer';
import {
  attr,
  paragraphContaining,
  paragraphs,
  readDocx,
  runContaining,
  textOf,
} from '../../../../../packages/docx-writer/test/docx-xml';
import { createTestApp } from '../../../test/helpers/test-app';
import type { TestApp } from '../../../test/helpers/test-app';
import type { TestAgent } from '../../../test/helpers/test-agent';
import { testDialect } from '../../../test/helpers/test-db';

// TAIZHANG_SOFFICE names the binary explicitly (e.g. a LibreOffice outside PATH).
function findSoffice(): string | null {
  const explicit = process.env.TAIZHANG_SOFFICE;
  for (const candidate of explicit ? [explicit] : ['soffice', 'libreoffice']) {
    if (spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000 }).status === 0)
      return candidate;
  }
  return null;
}
const soffice = findSoffice();
if (!soffice && process.env.CI === 'true')
  throw new Error('LibreOffice (soffice) is required under CI=true');
if (!soffice)
  console.warn(
    '[reports] soffice not found on PATH: skipping the LibreOffice conversion of an exported report',
  );

const eastAsiaOf = (xml: string) => attr(xml, 'w:rFonts', 'w:eastAsia');

describe(`a report exported as .docx on ${testDialect()}`, () => {
  let t: TestApp;
  let admin: TestAgent;
  let docx: Buffer;
  let content: StructuredReport;
  const workDir = mkdtempSync(join(tmpdir(), 'taizhang-report-docx-'));
  beforeAll(async () => {
    t = await createTestApp({ records: true });
    admin = await t.ready('admin');
    const unit = await t.db.kysely
      .selectFrom('units')
      .select('id')
      .where('name', '=', '客运分公司党总支')
      .executeTakeFirstOrThrow();
    const created = await admin.post('/api/reports', {
      unitId: unit.id,
      kind: 'summary',
      period: '2025',
    });
    const report = created.json() as { id: number; content: StructuredReport };
    content = report.content;
    docx = (await admin.get(`/api/reports/${report.id}/export?format=docx`)).rawPayload;
  }, 60_000);
  afterAll(async () => {
    rmSync(workDir, { recursive: true, force: true });
    await t.close();
  });

  it('uses A4 with the GB/T 9704 margins and a 22-line grid at 579 twips', async () => {
    const { document } = await readDocx(docx);
    expect(attr(document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(document, 'w:pgMar', 'w:left')).toBe('1588');
    expect(attr(document, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(document, 'w:docGrid', 'w:linePitch')).toBe('579');
    for (const p of paragraphs(document).filter((x) => textOf(x) !== '')) {
      expect(attr(p, 'w:spacing', 'w:line')).toBe('579');
      expect(attr(p, 'w:spacing', 'w:lineRule')).toBe('exact');
    }
  });

  it('sets the fonts per level: title 小标宋 22 pt, 一、黑体, （一）楷体, body 仿宋 16 pt', async () => {
    const { document } = await readDocx(docx);
    const title = paragraphContaining(document, content.title);
    expect(eastAsiaOf(title)).toBe('方正小标宋简体');
    expect(attr(title, 'w:sz', 'w:val')).toBe('44');
    const work = content.sections[0];
    const sub = work?.subsections[0];
    if (!work || !sub) throw new Error('no subsection');
    expect(eastAsiaOf(paragraphContaining(document, `${work.number}${work.heading}`))).toBe('黑体');
    const level2 = paragraphContaining(document, `${sub.number}${sub.topic}`);
    expect(eastAsiaOf(runContaining(level2, sub.topic))).toBe('楷体_GB2312');
    const opening = paragraphContaining(document, '现将有关情况');
    expect(eastAsiaOf(opening)).toBe('仿宋_GB2312');
    expect(attr(opening, 'w:sz', 'w:val')).toBe('32');
    expect(attr(opening, 'w:ind', 'w:firstLine')).toBe('640');
  });

  it('numbers pages — 1 — odd right, even left, and ends with signature and date', async () => {
    const parts = await readDocx(docx);
    const refs = [...parts.document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)];
    const footerOf = (type: string) => {
      const id = refs.find((m) => m[1] === type)?.[2];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(parts.rels)?.[1];
      return parts.footers[target ?? ''] ?? '';
    };
    const odd = footerOf('default');
    const even = footerOf('even');
    for (const footer of [odd, even]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(textOf(footer)).toBe('—  —');
      expect(eastAsiaOf(footer)).toBe('宋体');
      expect(attr(footer, 'w:sz', 'w:val')).toBe('28');
    }
    expect(attr(odd, 'w:jc', 'w:val')).toBe('right');
    expect(attr(even, 'w:jc', 'w:val')).toBe('left');
    const all = paragraphs(parts.document);
    expect(textOf(all.at(-2) ?? '')).toBe('客运分公司党总支');
    expect(textOf(all.at(-1) ?? '')).toBe('2026年3月2日');
    expect(attr(all.at(-1) ?? '', 'w:jc', 'w:val')).toBe('right');
  });

  it.skipIf(!soffice)('opens in LibreOffice and converts to PDF', { timeout: 90_000 }, () => {
    const path = join(workDir, 'report.docx');
    writeFileSync(path, docx);
    const result = spawnSync(
      soffice ?? 'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(join(workDir, 'profile')).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        workDir,
        path,
      ],
      { encoding: 'utf8', timeout: 85_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(workDir, 'report.pdf');
    expect(statSync(pdf).size).toBeGreaterThan(1000);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
