/** Size and row limits of the ledger's uploads and imports. */
export interface LedgerLimits {
  /** Largest evidence file, in bytes. */
  evidenceMaxBytes: number;
  /** Largest Excel or JSON Lines upload, in bytes. */
  importMaxBytes: number;
  /** Most data rows in one Excel import or export. */
  excelMaxRows: number;
}

const MB = 1024 * 1024;

export function formatBytes(bytes: number): string {
  return bytes >= MB
    ? `${Math.round((bytes / MB) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
