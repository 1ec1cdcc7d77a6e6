import type { ReportKind, ReportPeriod, RequirementStatus } from './compose-input';
import type { ReportParagraph } from './structured-report';

export type CoverageStatus = 'covered' | 'thin' | 'empty';

/** One `（一）` subsection of the work section, before numbering. */
export interface WorkItemContext {
  id: string;
  /** Framework area the item belongs to. */
  area: string;
  /** What the item is about: the area name, or an activity label in a 专题报告. */
  label: string;
  topic: string;
  /** Activity records behind the item (sum of its groups). */
  recordCount: number;
  status: CoverageStatus;
  /** Facts; never empty for an item that is printed. */
  paragraphs: ReportParagraph[];
  requirements: RequirementStatus[];
}

/**
 * Every computed phrase and figure of a report, before assembly. Exposed so a template layer
 * (LiquidJS on the server) can lay sections out differently while reusing the same facts.
 */
export interface ReportContext {
  kind: ReportKind;
  title: string;
  unit: { id: string; name: string; subject: string };
  parentUnitName?: string;
  recipient?: string;
  period: ReportPeriod;
  /** `上半年`, `2024年`, `报告期内`. */
  periodShort: string;
  /** `下半年`, `2025年`, `下一阶段`. */
  nextPeriod: string;
  date: string;
  dateText: string;
  signature: string;
  opening: ReportParagraph;
  work: { heading: string; items: WorkItemContext[] };
  problems: {
    heading: string;
    intro?: ReportParagraph;
    /** Each begins `一是`, `二是` …. */
    items: ReportParagraph[];
    causes?: ReportParagraph;
  };
  plans: { heading: string; intro?: ReportParagraph; items: ReportParagraph[] };
}
