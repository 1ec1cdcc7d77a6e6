import { formatNumber } from './chinese-format';
import type { FigureSegment, ReportParagraph, StructuredReport } from './structured-report';

export interface RenderHtmlOptions {
  /** Link target for a figure, e.g. the ledger filtered to its records; no href when absent. */
  figureHref?: (figure: FigureSegment) => string | undefined;
  /** Emit only the `<article>` without `<html>`/`<head>` (for embedding in the editor). */
  fragment?: boolean;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// Mirrors the GB/T 9704 layout of the .docx: A4, 37/26/35/28 mm margins, 28.95 pt lines.
const STYLE = `
.tz-report{box-sizing:border-box;width:210mm;min-height:297mm;margin:0 auto;padding:37mm 26mm 35mm 28mm;
background:#fff;color:#000;font-family:"仿宋_GB2312","FangSong","STFangsong","Noto Serif CJK SC",serif;
font-size:16pt;line-height:28.95pt;text-align:justify}
.tz-report h1{font-family:"方正小标宋简体","FZXiaoBiaoSong-B05S","SimSun","Noto Serif CJK SC",serif;
font-size:22pt;font-weight:normal;line-height:28.95pt;text-align:center;margin:0 0 28.95pt}
.tz-report h2{font-family:"黑体","SimHei","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;
line-height:28.95pt;margin:0;text-indent:2em}
.tz-report p{margin:0;text-indent:2em}
.tz-report p.recipient{text-indent:0}
.tz-report .topic{font-family:"楷体_GB2312","KaiTi","STKaiti","Noto Serif CJK SC",serif}
.tz-report .closing{margin-top:57.9pt;text-align:right;text-indent:0;padding-right:4em}
.tz-report a.figure{color:inherit;text-decoration:underline dotted}
`;

/** Renders a report as a self-contained, escaped HTML preview in the official layout. */
export function renderHtml(report: StructuredReport, options: RenderHtmlOptions = {}): string {
  const figure = (f: FigureSegment): string => {
    const href = options.figureHref?.(f);
    const attrs = [
      'class="figure"',
      `data-figure-key="${escapeHtml(f.key)}"`,
      `data-figure-refs="${escapeHtml(JSON.stringify(f.refs))}"`,
      href ? `href="${escapeHtml(href)}"` : '',
    ].filter(Boolean);
    return `<a ${attrs.join(' ')}>${escapeHtml(formatNumber(f.value) + (f.unit ?? ''))}</a>`;
  };
  const inline = (p: ReportParagraph): string =>
    p.segments.map((s) => (s.kind === 'text' ? escapeHtml(s.text) : figure(s))).join('');
  const parts: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  if (report.recipient) parts.push(`<p class="recipient">${escapeHtml(report.recipient)}：</p>`);
  parts.push(`<p>${inline(report.opening)}</p>`);
  for (const section of report.sections) {
    parts.push(
      `<h2 id="${escapeHtml(section.id)}">${escapeHtml(section.number + section.heading)}</h2>`,
    );
    for (const p of section.paragraphs) parts.push(`<p>${inline(p)}</p>`);
    for (const sub of section.subsections) {
      const [first, ...rest] = sub.paragraphs;
      const topic = `<span class="topic">${escapeHtml(sub.number + sub.topic)}</span>`;
      parts.push(
        `<p data-subsection="${escapeHtml(sub.id)}">${topic}${first ? inline(first) : ''}</p>`,
      );
      for (const p of rest) parts.push(`<p>${inline(p)}</p>`);
    }
  }
  parts.push(
    `<p class="closing">${escapeHtml(report.signature)}<br>${escapeHtml(report.dateText)}</p>`,
  );
  const article = `<article class="tz-report" lang="zh-CN">\n${parts.join('\n')}\n</article>`;
  if (options.fragment) return `<style>${STYLE}</style>\n${article}\n`;
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(report.title)}</title>`,
    `<style>body{margin:0;background:#f2f2f2}${STYLE}</style>`,
    '</head>',
    '<body>',
    article,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
