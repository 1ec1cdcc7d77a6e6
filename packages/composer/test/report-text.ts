import type { StructuredReport } from '../src/index';
import { paragraphText, renderText } from '../src/index';

/** All printed paragraphs (opening, section leads, subsection paragraphs). */
export function allParagraphTexts(report: StructuredReport): string[] {
  return [
    paragraphText(report.opening),
    ...report.sections.flatMap((s) => [
      ...s.paragraphs.map(paragraphText),
      ...s.subsections.flatMap((u) => u.paragraphs.map(paragraphText)),
    ]),
  ];
}

export function sectionText(report: StructuredReport, role: 'work' | 'problems' | 'plans'): string {
  const section = report.sections.find((s) => s.role === role);
  if (!section) throw new Error(`no ${role} section`);
  return [
    ...section.paragraphs.map(paragraphText),
    ...section.subsections.flatMap((u) => [u.topic, ...u.paragraphs.map(paragraphText)]),
  ].join('\n');
}

export function fullText(report: StructuredReport): string {
  return renderText(report);
}
