// Tables of the responsibility framework (areas, requirements with cadence) and compliance.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FrameworkTables {}
