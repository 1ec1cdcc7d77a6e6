// Tables of the work ledger (activities, evidence, channels, incidents, search index).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LedgerTables {}
