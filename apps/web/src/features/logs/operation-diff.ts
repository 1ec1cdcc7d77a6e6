function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** One row per field present before or after, changed fields first. */
export function diffSnapshots(before: unknown, after: unknown): DiffRow[] {
  const left = asRecord(before);
  const right = asRecord(after);
  const fields = [...new Set([...Object.keys(left ?? {}), ...Object.keys(right ?? {})])];
  const rows = fields.map((field) => {
    const old = left ? left[field] : undefined;
    const next = right ? right[field] : undefined;
    return { field, before: old, after: next, changed: !sameValue(old, next) };
  });
  return rows.sort((a, b) => Number(b.changed) - Number(a.changed));
}
