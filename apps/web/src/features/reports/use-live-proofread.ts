import { useEffect, useRef, useState } from 'react';
import { proofreadDraft } from './reports.api';
import type { Finding, ProofreadResult, Report, ReportDraft } from './reports.types';

const PROOFREAD_DELAY_MS = 600;

/** The findings of one place in the report (title, opening, a section's or subsection's paragraph). */
export function findingsAt(
  findings: Finding[],
  where: { part?: string; sectionId?: string; subsectionId?: string; paragraph?: number },
): Finding[] {
  return findings.filter(
    (f) =>
      (where.part === undefined || f.location.part === where.part) &&
      f.location.sectionId === where.sectionId &&
      f.location.subsectionId === where.subsectionId &&
      (where.paragraph === undefined || (f.location.paragraph ?? 0) === where.paragraph),
  );
}

/** Proofreads the draft as the user types (debounced); returns the latest result. */
export function useLiveProofread(report: Report | undefined, draft: ReportDraft | undefined) {
  const [result, setResult] = useState<ProofreadResult>();
  const [checking, setChecking] = useState(false);
  const sequence = useRef(0);
  useEffect(() => {
    if (!report || !draft) return undefined;
    const current = ++sequence.current;
    setChecking(true);
    const timer = window.setTimeout(() => {
      proofreadDraft(report.id, draft)
        .then((r) => {
          if (current === sequence.current) setResult(r);
        })
        .catch(() => undefined)
        .finally(() => {
          if (current === sequence.current) setChecking(false);
        });
    }, PROOFREAD_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [report, draft]);
  return { result, checking };
}
