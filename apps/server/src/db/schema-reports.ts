// Tables of the reports module: reports, versions, templates, submissions.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReportTables {}
