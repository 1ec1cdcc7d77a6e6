import type { ParsedLine } from './import-context';
import type { LedgerKind } from './ledger-format';
import { LEDGER_HEADER, ledgerKindLabels, ledgerKinds } from './ledger-format';

/** Parses the file into lines (header checked, ids unique per kind); errors by line number. */
export function parseLines(text: string, errors: string[]): ParsedLine[] {
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: ParsedLine[] = [];
  const seen = new Map<string, number>();
  let headerSeen = false;
  raw.forEach((source, index) => {
    const line = index + 1;
    if (source.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch {
      errors.push(`第${line}行：不是有效的 JSON`);
      if (!headerSeen) headerSeen = true;
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`第${line}行：每行须为一个 JSON 对象`);
      return;
    }
    const obj = value as Record<string, unknown>;
    if (!headerSeen) {
      headerSeen = true;
      if (obj.format !== LEDGER_HEADER.format || obj.version !== LEDGER_HEADER.version) {
        errors.push(`第${line}行：首行须为文件头 {"format":"taizhang-ledger","version":1}`);
      }
      return;
    }
    const kind = obj.kind;
    if (typeof kind !== 'string' || !(ledgerKinds as readonly string[]).includes(kind)) {
      errors.push(`第${line}行：kind 须为 ${ledgerKinds.join('、')} 之一`);
      return;
    }
    const id =
      typeof obj.id === 'string' ? obj.id.trim() : typeof obj.id === 'number' ? String(obj.id) : '';
    if (!id || id.length > 200) {
      errors.push(`第${line}行：缺少编号 id（或编号超过 200 个字符）`);
      return;
    }
    const key = `${kind}:${id}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push(
        `第${line}行：${ledgerKindLabels[kind as LedgerKind]}编号「${id}」与第${earlier}行重复`,
      );
      return;
    }
    seen.set(key, line);
    out.push({ line, kind: kind as LedgerKind, id, value: obj });
  });
  if (!headerSeen)
    errors.push('第1行：文件为空，缺少文件头 {"format":"taizhang-ledger","version":1}');
  return out;
}
