/** Size and row limits of the ledger's uploads and imports. */
export interface LedgerLimits {
  /** Largest evidence file, in bytes (EVIDENCE_MAX_MB, default 20). */
  evidenceMaxBytes: number;
  /** Largest Excel or JSON Lines upload, in bytes (IMPORT_MAX_MB, default 50). */
  importMaxBytes: number;
  /** Most data rows in one Excel import or export (EXCEL_MAX_ROWS, default 50,000). */
  excelMaxRows: number;
}

const MB = 1024 * 1024;

function positive(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`配置值无效：${value}`);
  return parsed;
}

export function ledgerLimitsFrom(env: NodeJS.ProcessEnv): LedgerLimits {
  return {
    evidenceMaxBytes: Math.round(positive(env.EVIDENCE_MAX_MB, 20) * MB),
    importMaxBytes: Math.round(positive(env.IMPORT_MAX_MB, 50) * MB),
    excelMaxRows: Math.round(positive(env.EXCEL_MAX_ROWS, 50_000)),
  };
}

export function formatBytes(bytes: number): string {
  return bytes >= MB
    ? `${Math.round((bytes / MB) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
