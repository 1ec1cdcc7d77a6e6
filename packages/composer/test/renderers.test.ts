import JSZip from 'jszip';
import { renderDocx } from '@taizhang/docx-writer';
import { describe, expect, it } from 'vitest';
import {
  assembleReport,
  buildReportContext,
  collectFigures,
  composeReport,
  renderHtml,
  renderMarkdown,
  renderText,
  toOfficialDocument,
} from '../src/index';
import { buildComposeInput } from './factories';

const report = composeReport(buildComposeInput({ recipient: '中共青川市委宣传部' }));

describe('renderMarkdown', () => {
  it('writes the title, 一、 headings, run-in （一） topics, signature and date', () => {
    const md = renderMarkdown(report);
    expect(md.startsWith(`# ${report.title}\n`)).toBe(true);
    expect(md).toContain('\n## 一、');
    expect(md).toContain('\n## 二、存在的问题\n');
    expect(md).toMatch(/\n\*\*（一）[^*]+\*\*上半年，/);
    expect(md.trimEnd().endsWith('中共青川市交通运输局党组  \n2024年7月10日')).toBe(true);
  });

  it('escapes Markdown syntax in text from the record', () => {
    const input = buildComposeInput({ problems: ['宣传*阵地*管理[待加强]'] });
    expect(renderMarkdown(composeReport(input))).toContain('宣传\\*阵地\\*管理\\[待加强\\]');
  });
});

describe('renderHtml', () => {
  it('is a self-contained page in the official layout', () => {
    const html = renderHtml(report);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('padding:37mm 26mm 35mm 28mm');
    expect(html).toContain('仿宋_GB2312');
    expect(html).toContain(`<h1>${report.title}</h1>`);
    expect(html).not.toMatch(/<(script|link|img)\b/);
  });

  it('marks every figure with its key and refs', () => {
    const html = renderHtml(report);
    const anchors =
      html.match(
        /<a class="figure" data-figure-key="[^"]+" data-figure-refs="[^"]+">[^<]+<\/a>/g,
      ) ?? [];
    expect(anchors.length).toBe(collectFigures(report).length);
    expect(html).toContain('data-figure-key="activity.total"');
  });

  it('links figures when given an href builder', () => {
    const html = renderHtml(report, {
      figureHref: (f) => `/ledger?key=${encodeURIComponent(f.key)}`,
      fragment: true,
    });
    expect(html).toContain('href="/ledger?key=activity.total"');
    expect(html).not.toContain('<html');
  });

  it('escapes text from the record', () => {
    const input = buildComposeInput({ problems: ['<script>alert("x")</script>'] });
    const html = renderHtml(composeReport(input));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});

describe('toOfficialDocument', () => {
  it('maps sections to level-1 headings and subsections to run-in level-2 headings', () => {
    const doc = toOfficialDocument(report);
    expect(doc.title).toBe(report.title);
    expect(doc.recipient).toBe('中共青川市委宣传部：');
    expect(doc.signature).toBe('中共青川市交通运输局党组');
    expect(doc.date).toBe('2024-07-10');
    const level1 = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1);
    expect(level1.map((b) => (b.kind === 'heading' ? b.number : ''))).toEqual([
      '一、',
      '二、',
      '三、',
    ]);
    const firstSub = doc.blocks.find((b) => b.kind === 'heading' && b.level === 2);
    expect(firstSub).toMatchObject({ number: '（一）' });
    expect(firstSub?.kind === 'heading' && firstSub.body?.startsWith('上半年，')).toBe(true);
  });

  it('keeps every word of the text rendering', () => {
    const doc = toOfficialDocument(report);
    const joined = doc.blocks
      .map((b) => (b.kind === 'heading' ? `${b.number}${b.text}${b.body ?? ''}` : b.text))
      .join('\n');
    const text = renderText(report);
    for (const line of joined.split('\n')) expect(text).toContain(line);
  });

  it('produces a .docx through the writer', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(toOfficialDocument(report)));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('二、存在的问题');
    expect(xml).toContain('w:eastAsia="黑体"');
  });
});

describe('buildReportContext', () => {
  it('exposes the computed parts a template needs and assembles to the same report', () => {
    const input = buildComposeInput();
    const context = buildReportContext(input);
    expect(context.periodShort).toBe('上半年');
    expect(context.nextPeriod).toBe('下半年');
    expect(context.unit.subject).toBe('局党组');
    expect(context.work.items.map((i) => i.status)).toContain('thin');
    expect(context.problems.items.length).toBeGreaterThan(0);
    expect(assembleReport(context)).toEqual(composeReport(input));
  });
});
