import { reportParagraphs } from './report-walk';
import type { FigureSegment, StructuredReport } from './structured-report';

/** Every figure in the report, in reading order, so it can be checked against the record. */
export function collectFigures(report: StructuredReport): FigureSegment[] {
  return reportParagraphs(report).flatMap((p) =>
    p.segments.filter((s): s is FigureSegment => s.kind === 'figure'),
  );
}
