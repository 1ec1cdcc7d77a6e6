import { monthOf, yearOf } from './chinese-format';
import type { ComposeInput, UnitType } from './compose-input';
import type { FigureFactory } from './figures';
import { createFigureFactory } from './figures';
import type { PhrasePicker } from './phrase-picker';
import { createPhrasePicker } from './phrase-picker';

export interface ComposeOptions {
  /** Seed for choosing phrasings; default `unit.id|period.label|kind`. */
  seed?: string;
  /** Records quoted per activity group (default 2). */
  maxSamplesPerGroup?: number;
  /** Activity groups described per area (default 12; larger groups first). */
  maxGroupsPerArea?: number;
  /** An area with at most this many records counts as thin in 存在的问题 (default 1). */
  thinThreshold?: number;
  /** Add 原因分析 to an annual summary's problems section (default true). */
  causeAnalysis?: boolean;
  /** Framework areas where incidents, channels, rectification and subordinates are written. */
  placements?: Partial<Placements>;
}

export interface Placements {
  incidents: string;
  channels: string;
  releases: string;
  rectification: string;
  subordinates: string;
}

const DEFAULT_PLACEMENTS: Placements = {
  incidents: '舆情应对',
  channels: '阵地管理',
  releases: '宣传教育',
  rectification: '督查考核',
  subordinates: '组织领导',
};

/** Everything the phrase builders share while composing one report. */
export interface ComposeContext {
  input: ComposeInput;
  pick: PhrasePicker['pick'];
  fig: FigureFactory;
  /** How running text names the unit: `局党组` or `本单位`. */
  subject: string;
  /** `上半年`, `2024年`, `报告期内`. */
  periodShort: string;
  /** `下半年`, `2025年`, `下一阶段`. */
  nextPeriod: string;
  /** The body that holds 专题研究 meetings: `党委会`, `党组会`, `支委会` … */
  meetingBody: string;
  maxSamples: number;
  maxGroups: number;
  thinThreshold: number;
  causeAnalysis: boolean;
  placements: Placements;
}

const MEETING_BODIES: Record<UnitType, string> = {
  党委: '党委会',
  党组: '党组会',
  党工委: '党工委会',
  党总支: '党总支委员会',
  党支部: '支委会',
  其他: '党组织会议',
};

function periodShortOf(input: ComposeInput): string {
  const { period } = input;
  switch (period.kind) {
    case 'half-year':
      return monthOf(period.from) <= 6 ? '上半年' : '下半年';
    case 'annual':
      return `${yearOf(period.from)}年`;
    case 'custom':
      return '报告期内';
    default: {
      const unknown: never = period.kind;
      throw new Error(`unknown period kind ${String(unknown)}`);
    }
  }
}

function nextPeriodOf(input: ComposeInput): string {
  const { period } = input;
  switch (period.kind) {
    case 'half-year':
      return monthOf(period.from) <= 6 ? '下半年' : `${yearOf(period.from) + 1}年`;
    case 'annual':
      return `${yearOf(period.from) + 1}年`;
    case 'custom':
      return '下一阶段';
    default: {
      const unknown: never = period.kind;
      throw new Error(`unknown period kind ${String(unknown)}`);
    }
  }
}

/** Builds the shared context: seeded phrase picker, figure factory and period phrases. */
export function createComposeContext(
  input: ComposeInput,
  options: ComposeOptions = {},
): ComposeContext {
  const seed = options.seed ?? `${input.unit.id}|${input.period.label}|${input.kind}`;
  const picker = createPhrasePicker(seed);
  return {
    input,
    pick: picker.pick,
    fig: createFigureFactory({
      unitId: input.unit.id,
      subtree: (input.scope ?? 'subtree') === 'subtree',
      from: input.period.from,
      to: input.period.to,
    }),
    subject: input.unit.shortName?.trim() || '本单位',
    periodShort: periodShortOf(input),
    nextPeriod: nextPeriodOf(input),
    meetingBody: MEETING_BODIES[input.unit.type],
    maxSamples: options.maxSamplesPerGroup ?? 2,
    maxGroups: options.maxGroupsPerArea ?? 12,
    thinThreshold: options.thinThreshold ?? 1,
    causeAnalysis: options.causeAnalysis ?? true,
    placements: { ...DEFAULT_PLACEMENTS, ...options.placements },
  };
}
