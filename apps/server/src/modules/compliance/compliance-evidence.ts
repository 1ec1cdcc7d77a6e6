import type { RequirementRule } from './compliance-engine';
import { ruleWindows, writtenSubtypes } from './compliance-engine';
import type { Period } from './compliance-periods';
import type { AttendanceNeed } from './compliance.repository';

// Which records the tracked rules of a framework need read from the ledger.

/** The activity types any of the rules counts; null when one counts every type. */
export function typesOf(rules: readonly RequirementRule[]): string[] | null {
  return rules.some((r) => r.evidenceTypes.length === 0)
    ? null
    : [...new Set(rules.flatMap((r) => r.evidenceTypes))];
}

/** The dates any rule's window covers: from the first window's start to the last deadline. */
export function evidenceRange(rules: readonly RequirementRule[], period: Period) {
  let from = period.start;
  let to = period.end;
  for (const rule of rules) {
    for (const w of ruleWindows(rule, period)) {
      if (w.period.start < from) from = w.period.start;
      if (w.windowEnd > to) to = w.windowEnd;
    }
  }
  return { from, to };
}

/** Which records need their attendance read: those a rule requiring attendance could count. */
export function attendanceNeed(
  rules: readonly RequirementRule[],
  aliases: ReadonlyMap<string, string>,
): AttendanceNeed | null {
  const needing = rules.filter((r) => r.requireAttendance);
  if (needing.length === 0) return null;
  const anySubtype = needing.some((r) => r.evidenceSubtypes.length === 0);
  return {
    types: typesOf(needing),
    subtypes: anySubtype
      ? null
      : writtenSubtypes(
          needing.flatMap((r) => r.evidenceSubtypes),
          aliases,
        ),
  };
}
