import type { ComposeInput } from './compose-input';

/** The theme of a 专题报告, without a trailing 工作: `理论学习`. */
export function topicalTheme(input: ComposeInput): string {
  const theme = input.topic?.theme?.trim() || input.topic?.area || '意识形态';
  return theme.replace(/工作$/, '');
}

/** The genre title for the report kind, unit and period. */
export function reportTitle(input: ComposeInput): string {
  const { unit, period } = input;
  switch (input.kind) {
    case 'half-year-summary':
      return `${unit.name}关于${period.label}意识形态工作的报告`;
    case 'annual-summary':
      return `${unit.name}${period.label}意识形态工作总结`;
    case 'selfcheck':
      return `${period.label}意识形态工作自查报告`;
    case 'topical':
      return `${unit.name}关于${period.label}${topicalTheme(input)}工作情况的专题报告`;
    default: {
      const unknown: never = input.kind;
      throw new Error(`unknown report kind ${String(unknown)}`);
    }
  }
}
