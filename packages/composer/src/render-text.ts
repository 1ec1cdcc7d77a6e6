import { paragraphText } from './figures';
import type { StructuredReport } from './structured-report';

/** Plain text, one paragraph per line, as the proofreader and the .txt export read it. */
export function renderText(report: StructuredReport): string {
  const lines: string[] = [report.title];
  if (report.recipient) lines.push(`${report.recipient}：`);
  lines.push(paragraphText(report.opening));
  for (const section of report.sections) {
    lines.push(`${section.number}${section.heading}`);
    lines.push(...section.paragraphs.map(paragraphText));
    for (const sub of section.subsections) {
      const [first, ...rest] = sub.paragraphs;
      lines.push(`${sub.number}${sub.topic}${first ? paragraphText(first) : ''}`);
      lines.push(...rest.map(paragraphText));
    }
  }
  lines.push('', report.signature, report.dateText);
  return `${lines.join('\n')}\n`;
}
