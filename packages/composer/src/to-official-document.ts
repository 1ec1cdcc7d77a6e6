import type { OfficialBlock, OfficialDocument } from '@taizhang/docx-writer';
import { paragraphText } from './figures';
import type { StructuredReport } from './structured-report';

/** Flattens a report into the .docx writer's input (figures become plain text). */
export function toOfficialDocument(report: StructuredReport): OfficialDocument {
  const blocks: OfficialBlock[] = [{ kind: 'paragraph', text: paragraphText(report.opening) }];
  for (const section of report.sections) {
    blocks.push({ kind: 'heading', level: 1, number: section.number, text: section.heading });
    for (const p of section.paragraphs) blocks.push({ kind: 'paragraph', text: paragraphText(p) });
    for (const sub of section.subsections) {
      const [first, ...rest] = sub.paragraphs;
      const heading: OfficialBlock = {
        kind: 'heading',
        level: 2,
        number: sub.number,
        text: sub.topic,
      };
      if (first) heading.body = paragraphText(first);
      blocks.push(heading);
      for (const p of rest) blocks.push({ kind: 'paragraph', text: paragraphText(p) });
    }
  }
  const doc: OfficialDocument = {
    title: report.title,
    blocks,
    signature: report.signature,
    date: report.date,
    properties: { subject: report.title, creator: report.signature },
  };
  if (report.recipient) doc.recipient = `${report.recipient}：`;
  return doc;
}
