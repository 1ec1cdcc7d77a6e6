import { Fragment, memo, useMemo } from 'react';
import { CATEGORY_ORDER, CATEGORY_STYLE, SEVERITY_ORDER } from './proofread-labels';
import type { Finding } from './proofread.types';
import type { TextRange } from './text-positions';
import { buildSegments } from './text-positions';

interface HighlightedTextProps {
  text: string;
  findings: readonly Finding[];
  ranges: readonly TextRange[];
  /** Indexes (into `findings`) to highlight; the others are hidden by the filters. */
  shown: readonly number[];
  activeIndex: number | null;
  /** Bumped on every selection so the flash animation restarts. */
  flashKey: number;
  onSelect: (index: number) => void;
}

export const anchorId = (index: number) => `pf-anchor-${index}`;

/** The most important of several overlapping findings decides the colour. */
function topFinding(findings: readonly Finding[], covering: readonly number[]): number {
  let best = covering[0] as number;
  for (const i of covering) {
    const a = findings[i] as Finding;
    const b = findings[best] as Finding;
    const bySeverity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
    if (
      bySeverity < 0 ||
      (bySeverity === 0 && CATEGORY_ORDER.indexOf(a.category) < CATEGORY_ORDER.indexOf(b.category))
    ) {
      best = i;
    }
  }
  return best;
}

/** The checked text with each finding highlighted in its category's colour. */
export const HighlightedText = memo(function HighlightedText({
  text,
  findings,
  ranges,
  shown,
  activeIndex,
  flashKey,
  onSelect,
}: HighlightedTextProps) {
  const segments = useMemo(() => {
    const visible = shown.map((i) => ranges[i] as TextRange);
    return buildSegments(text.length, visible).map((s) => ({
      ...s,
      covering: s.covering.map((k) => shown[k] as number),
      starting: s.starting.map((k) => shown[k] as number),
    }));
  }, [text, ranges, shown]);

  return (
    <div className="pf-text" data-testid="proofread-text">
      {segments.map((seg) => {
        const anchors = seg.starting.map((i) => {
          const f = findings[i] as Finding;
          const range = ranges[i] as TextRange;
          if (range.end > range.start) return <span key={`a${i}`} id={anchorId(i)} />;
          const style = CATEGORY_STYLE[f.category];
          return (
            <span
              key={`a${i}`}
              id={anchorId(i)}
              className={`pf-missing${activeIndex === i ? ' pf-flash' : ''}`}
              style={{ color: style.color, borderColor: style.color, background: style.bg }}
              title={f.message}
              onClick={() => onSelect(i)}
            >
              {style.label}：{f.message.length > 16 ? `${f.message.slice(0, 16)}…` : f.message}
            </span>
          );
        });
        const slice = text.slice(seg.start, seg.end);
        if (seg.covering.length === 0) {
          return (
            <Fragment key={seg.start}>
              {anchors}
              {slice}
            </Fragment>
          );
        }
        const top = topFinding(findings, seg.covering);
        const style = CATEGORY_STYLE[(findings[top] as Finding).category];
        const active = activeIndex !== null && seg.covering.includes(activeIndex);
        return (
          <Fragment key={seg.start}>
            {anchors}
            <mark
              key={active ? `f${flashKey}` : 'm'}
              className={`pf-mark${active ? ' pf-flash' : ''}`}
              style={{ background: style.bg, borderBottomColor: style.color }}
              title={seg.covering.map((i) => (findings[i] as Finding).message).join('\n')}
              onClick={() => onSelect(active && activeIndex !== null ? activeIndex : top)}
            >
              {slice}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
});

/** Colour legend of the categories present. */
export function CategoryLegend({ categories }: { categories: readonly Finding['category'][] }) {
  if (categories.length === 0) return null;
  return (
    <div className="pf-legend" aria-label="颜色说明">
      {categories.map((c) => (
        <span key={c}>
          <span
            className="pf-legend-swatch"
            style={{ background: CATEGORY_STYLE[c].bg, borderBottomColor: CATEGORY_STYLE[c].color }}
          />
          {CATEGORY_STYLE[c].label}
        </span>
      ))}
    </div>
  );
}
