import { formatNumber, roundFigure } from './chinese-format';
import type {
  FigureMeasure,
  FigureRefs,
  FigureSegment,
  ReportParagraph,
  Segment,
} from './structured-report';

/** A piece of a sentence: plain text or a figure. */
export type Piece = string | FigureSegment;

/** Scope every figure of one report shares: the unit, subtree or not, and the period. */
export interface FigureScope {
  unitId: string;
  subtree: boolean;
  from: string;
  to: string;
}

export type FigureFilter = Omit<FigureRefs, 'measure' | 'unitId' | 'subtree' | 'from' | 'to'> &
  Partial<Pick<FigureRefs, 'from' | 'to'>>;

const KEY_FIELDS = [
  'area',
  'type',
  'subtype',
  'outlet',
  'severity',
  'platform',
  'requirementId',
] as const;

/** Stable key of what a figure counts: measure plus the filters that narrow it. */
export function figureKey(refs: FigureRefs): string {
  const parts: string[] = [refs.measure];
  for (const field of KEY_FIELDS) {
    const value = refs[field];
    if (value !== undefined) parts.push(`${field}=${value}`);
  }
  if (refs.recordIds) parts.push(`records=${refs.recordIds.join(',')}`);
  return parts.join('|');
}

/** Makes figure segments that carry the report's scope. */
export function createFigureFactory(scope: FigureScope) {
  return (
    value: number,
    unit: string | undefined,
    measure: FigureMeasure,
    filter: FigureFilter = {},
  ): FigureSegment => {
    const refs: FigureRefs = { measure, ...scope, ...filter };
    const figure: FigureSegment = {
      kind: 'figure',
      value: roundFigure(value),
      key: figureKey(refs),
      refs,
    };
    if (unit) figure.unit = unit;
    return figure;
  };
}

export type FigureFactory = ReturnType<typeof createFigureFactory>;

/** Joins pieces into segments, merging adjacent text. */
export function toSegments(pieces: readonly Piece[]): Segment[] {
  const out: Segment[] = [];
  for (const piece of pieces) {
    if (typeof piece !== 'string') {
      out.push(piece);
      continue;
    }
    if (piece === '') continue;
    const last = out.at(-1);
    if (last?.kind === 'text') last.text += piece;
    else out.push({ kind: 'text', text: piece });
  }
  return out;
}

/** A paragraph from pieces. */
export function paragraphOf(pieces: readonly Piece[]): ReportParagraph {
  return { segments: toSegments(pieces) };
}

/** The printed text of one segment. */
export function segmentText(segment: Segment): string {
  return segment.kind === 'text'
    ? segment.text
    : `${formatNumber(segment.value)}${segment.unit ?? ''}`;
}

/** The printed text of a paragraph. */
export function paragraphText(paragraph: ReportParagraph): string {
  return paragraph.segments.map(segmentText).join('');
}
