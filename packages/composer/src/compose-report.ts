import { sectionNumber, subsectionNumber } from './chinese-format';
import type { ComposeOptions } from './compose-context';
import type { ComposeInput } from './compose-input';
import { paragraphOf } from './figures';
import { buildReportContext } from './build-report-context';
import type { ReportContext } from './report-context';
import type { ReportParagraph, ReportSection, StructuredReport } from './structured-report';

/** Lays a ReportContext out as the three-part report: work, problems, plans. */
export function assembleReport(context: ReportContext): StructuredReport {
  const printed = context.work.items.filter((item) => item.paragraphs.length > 0);
  const workLead: ReportParagraph[] =
    printed.length === 0
      ? [
          paragraphOf([
            `${context.periodShort}，台账中尚无${context.unit.subject}意识形态工作的记录。`,
          ]),
        ]
      : [];
  const sections: ReportSection[] = [
    {
      id: 'work',
      role: 'work',
      number: sectionNumber(1),
      heading: context.work.heading,
      paragraphs: workLead,
      subsections: printed.map((item, i) => ({
        id: item.id,
        number: subsectionNumber(i + 1),
        topic: item.topic,
        area: item.area,
        paragraphs: item.paragraphs,
      })),
    },
    {
      id: 'problems',
      role: 'problems',
      number: sectionNumber(2),
      heading: context.problems.heading,
      paragraphs: [
        ...(context.problems.intro ? [context.problems.intro] : []),
        ...context.problems.items,
        ...(context.problems.causes ? [context.problems.causes] : []),
      ],
      subsections: [],
    },
    {
      id: 'plans',
      role: 'plans',
      number: sectionNumber(3),
      heading: context.plans.heading,
      paragraphs: [...(context.plans.intro ? [context.plans.intro] : []), ...context.plans.items],
      subsections: [],
    },
  ];
  const report: StructuredReport = {
    version: 1,
    kind: context.kind,
    title: context.title,
    unit: { id: context.unit.id, name: context.unit.name },
    period: context.period,
    opening: context.opening,
    sections,
    signature: context.signature,
    date: context.date,
    dateText: context.dateText,
  };
  if (context.recipient) report.recipient = context.recipient;
  return report;
}

/** Writes a report from aggregates of the record: title, opening, 一、二、三、, signature, date. */
export function composeReport(input: ComposeInput, options: ComposeOptions = {}): StructuredReport {
  return assembleReport(buildReportContext(input, options));
}
