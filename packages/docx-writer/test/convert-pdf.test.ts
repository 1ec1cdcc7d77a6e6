import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../src/index';
import { buildSampleDocument } from './sample-document';

// TAIZHANG_SOFFICE names the binary explicitly (e.g. a LibreOffice outside PATH).
function findSoffice(): string | null {
  const explicit = process.env.TAIZHANG_SOFFICE;
  for (const candidate of explicit ? [explicit] : ['soffice', 'libreoffice']) {
    const probe = spawnSync(candidate, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (probe.status === 0) return candidate;
  }
  return null;
}

const soffice = findSoffice();
const inCi = process.env.CI === 'true';
if (!soffice && inCi) {
  throw new Error('LibreOffice (soffice) is required under CI=true to check that the .docx opens');
}
if (!soffice) {
  console.warn(
    '[docx-writer] soffice not found on PATH: skipping the LibreOffice PDF conversion test',
  );
}

const workDir = mkdtempSync(join(tmpdir(), 'taizhang-docx-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe.skipIf(!soffice)('renderDocx output in LibreOffice', () => {
  it('converts to a non-empty PDF', { timeout: 60_000 }, async () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      kind: 'paragraph' as const,
      text: `第${i + 1}段：上半年召开党组会议专题研究意识形态工作2次，开展形势分析研判2次。`,
    }));
    const doc = buildSampleDocument();
    const docxPath = join(workDir, 'report.docx');
    writeFileSync(docxPath, await renderDocx({ ...doc, blocks: [...doc.blocks, ...many] }));
    const profile = pathToFileURL(join(workDir, 'profile')).href;
    const result = spawnSync(
      soffice ?? 'soffice',
      [
        `-env:UserInstallation=${profile}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        workDir,
        docxPath,
      ],
      { encoding: 'utf8', timeout: 55_000 },
    );
    expect(result.status, result.stderr).toBe(0);
    const pdfPath = join(workDir, 'report.pdf');
    expect(statSync(pdfPath).size).toBeGreaterThan(1000);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // More than one page, so both the odd and the even footer are laid out.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });
});
