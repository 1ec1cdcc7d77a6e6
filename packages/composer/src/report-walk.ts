import type { ReportParagraph, StructuredReport } from './structured-report';

/** Every paragraph of a report in reading order: opening, then each section's paragraphs. */
export function reportParagraphs(report: StructuredReport): ReportParagraph[] {
  const out: ReportParagraph[] = [report.opening];
  for (const section of report.sections) {
    out.push(...section.paragraphs);
    for (const sub of section.subsections) out.push(...sub.paragraphs);
  }
  return out;
}
