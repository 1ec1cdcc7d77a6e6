import { useEffect, useMemo, useRef, useState } from 'react';
import type { PlacedFindings } from './draft-findings';
import { placeFindings } from './draft-findings';
import type { EditorDraft } from './editor-draft';
import { toReportDraft } from './editor-draft';
import { proofreadDraft } from './reports.api';
import type { ProofreadResult, Report } from './reports.types';

const PROOFREAD_DELAY_MS = 600;

/**
 * Proofreads the draft as the user types (debounced); returns the latest result, with its findings
 * placed on the paragraphs of the draft that was checked — so they stay with their paragraphs
 * while others are inserted or removed, until the next result arrives.
 */
export function useLiveProofread(report: Report | undefined, draft: EditorDraft | undefined) {
  const [checked, setChecked] = useState<{ result: ProofreadResult; draft: EditorDraft }>();
  const [checking, setChecking] = useState(false);
  const sequence = useRef(0);
  useEffect(() => {
    if (!report || !draft) return undefined;
    const current = ++sequence.current;
    setChecking(true);
    const timer = window.setTimeout(() => {
      proofreadDraft(report.id, toReportDraft(draft))
        .then((result) => {
          if (current === sequence.current) setChecked({ result, draft });
        })
        .catch(() => undefined)
        .finally(() => {
          if (current === sequence.current) setChecking(false);
        });
    }, PROOFREAD_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [report, draft]);
  const placed: PlacedFindings = useMemo(
    () => (checked ? placeFindings(checked.draft, checked.result.findings) : new Map()),
    [checked],
  );
  return { result: checked?.result, checking, placed };
}
