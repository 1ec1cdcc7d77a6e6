export type {
  ActivityGroup,
  ActivityType,
  AreaAggregate,
  ChannelSummary,
  ComposeInput,
  IncidentSeverity,
  IncidentSummary,
  OutletCount,
  PlatformCount,
  RectificationItemRef,
  RectificationSummary,
  ReleaseSummary,
  ReportKind,
  ReportPeriod,
  ReportUnit,
  RequirementOutcome,
  RequirementStatus,
  SampleRecord,
  SubordinateRollup,
  UnitType,
} from './compose-input';
export type {
  FigureMeasure,
  FigureRefs,
  FigureSegment,
  ReportParagraph,
  ReportSection,
  ReportSectionRole,
  ReportSubsection,
  Segment,
  StructuredReport,
  TextSegment,
} from './structured-report';
export type { ComposeOptions, Placements } from './compose-context';
export type { ComposeErrorCode } from './compose-error';
export { ComposeError } from './compose-error';
export type { CoverageStatus, ReportContext, WorkItemContext } from './report-context';
export { buildReportContext } from './build-report-context';
export { assembleReport, composeReport } from './compose-report';
export { collectFigures } from './collect-figures';
export { figureKey, paragraphText, segmentText } from './figures';
export { renderText } from './render-text';
export { renderMarkdown } from './render-markdown';
export type { RenderHtmlOptions } from './render-html';
export { renderHtml } from './render-html';
export { toOfficialDocument } from './to-official-document';
export { COMPOSE_LIMITS, validateComposeInput } from './validate-compose-input';
export { DEFAULT_SELFCHECK_BASIS } from './build-opening';
export { formatDate, formatNumber, chineseNumeral } from './chinese-format';
