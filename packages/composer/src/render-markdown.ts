import { paragraphText } from './figures';
import type { ReportParagraph, StructuredReport } from './structured-report';

const MARKDOWN_SPECIAL = /([\\`*_[\]<>#|~])/g;

function md(text: string): string {
  return text.replace(MARKDOWN_SPECIAL, '\\$1');
}

function mdParagraph(p: ReportParagraph): string {
  return md(paragraphText(p));
}

/** Markdown: `#` title, `##` for 一、 headings, bold run-in `（一）` topics. */
export function renderMarkdown(report: StructuredReport): string {
  const blocks: string[] = [`# ${md(report.title)}`];
  if (report.recipient) blocks.push(`${md(report.recipient)}：`);
  blocks.push(mdParagraph(report.opening));
  for (const section of report.sections) {
    blocks.push(`## ${md(`${section.number}${section.heading}`)}`);
    blocks.push(...section.paragraphs.map(mdParagraph));
    for (const sub of section.subsections) {
      const [first, ...rest] = sub.paragraphs;
      blocks.push(`**${md(`${sub.number}${sub.topic}`)}**${first ? mdParagraph(first) : ''}`);
      blocks.push(...rest.map(mdParagraph));
    }
  }
  blocks.push(`${md(report.signature)}  \n${md(report.dateText)}`);
  return `${blocks.join('\n\n')}\n`;
}
