import anniversariesData from '../../data/anniversaries.json' with { type: 'json' };
import campaignsData from '../../data/campaigns.json' with { type: 'json' };
import canonicalData from '../../data/canonical.json' with { type: 'json' };
import congressesData from '../../data/congresses.json' with { type: 'json' };
import duplicateData from '../../data/duplicate.json' with { type: 'json' };
import plansData from '../../data/plans.json' with { type: 'json' };
import residueData from '../../data/residue.json' with { type: 'json' };
import slogansData from '../../data/slogans.json' with { type: 'json' };
import typosData from '../../data/typos.json' with { type: 'json' };
import type { Severity } from '../types';
import { scanPattern } from '../text/pattern-scan';
import type { ScanPattern } from '../text/pattern-scan';
import { combinePatterns } from './combined-pattern';
import type { CombinedPattern } from './combined-pattern';

/** A congress (plenum 0) or a Central Committee plenary session. */
export interface CongressEvent {
  term: number;
  plenum: number;
  start: string;
  end: string;
  source: string;
}

export interface Campaign {
  name: string;
  pattern: RegExp;
  start: string;
  end: string;
  source: string;
}

export interface Anniversary {
  name: string;
  aliases: string[];
  base: number;
  source: string;
}

export interface Slogan {
  pattern: RegExp;
  until: string;
  allowIf: RegExp | null;
  message: string;
  suggestion?: string;
  source: string;
}

export interface TypoEntry {
  wrong: string;
  right: string;
  notBefore?: string[];
  notAfter?: string[];
  /** The match passes when the rest of its sentence matches (既使…又使…). */
  unlessSentenceHas?: RegExp;
}

export interface CanonicalEntry {
  variant: string;
  canonical: string;
  severity: Severity;
  note: string;
  notBefore?: string[];
  notAfter?: string[];
}

export interface PatternMessage {
  pattern: ScanPattern;
  message: string;
}

/** All dated and curated facts the rules consult, loaded from `data/*.json`. */
export interface Facts {
  congresses: CongressEvent[];
  campaigns: Campaign[];
  /** All campaign patterns in one regex (group p<i> = campaigns[i]). */
  campaignsCombined: CombinedPattern;
  campaignAfterwardsAllowed: RegExp;
  anniversaries: Anniversary[];
  /** `(alias)(number)周年` over every alias, longest first (group 1 alias, group 2 number). */
  anniversaryPattern: ScanPattern;
  /** The anniversary of each alias. */
  anniversaryByAlias: Map<string, Anniversary>;
  anniversaryForwardCue: RegExp;
  anniversaryPastCue: RegExp;
  plans: { name: string; start: number; end: number }[];
  slogans: Slogan[];
  slogansCombined: CombinedPattern;
  typos: TypoEntry[];
  jiezhi: ScanPattern;
  canonical: CanonicalEntry[];
  scramble: string[];
  residueLines: PatternMessage[];
  residueInline: PatternMessage[];
  templateDomains: string[];
  duplicateFunctionChars: string;
  duplicateAllow: string[];
  reduplication: string[];
}

let cached: Facts | null = null;

function asSeverity(s: string): Severity {
  return s === 'error' || s === 'info' ? s : 'warning';
}

/** Loads and compiles the bundled facts once. */
export function loadFacts(): Facts {
  if (cached) return cached;
  cached = {
    congresses: congressesData.events,
    campaigns: campaignsData.campaigns.map((c) => ({ ...c, pattern: new RegExp(c.pattern, 'g') })),
    campaignsCombined: combinePatterns(campaignsData.campaigns.map((c) => c.pattern)),
    campaignAfterwardsAllowed: new RegExp(campaignsData.afterwardsAllowed),
    anniversaries: anniversariesData.anniversaries,
    anniversaryPattern: anniversaryPattern(anniversariesData.anniversaries),
    anniversaryByAlias: byAlias(anniversariesData.anniversaries),
    anniversaryForwardCue: new RegExp(anniversariesData.forwardCue),
    anniversaryPastCue: new RegExp(anniversariesData.pastCue),
    plans: plansData.plans,
    slogansCombined: combinePatterns(slogansData.slogans.map((x) => x.pattern)),
    slogans: slogansData.slogans.map((s) => ({
      pattern: new RegExp(s.pattern, 'g'),
      until: s.until,
      allowIf: 'allowIf' in s && s.allowIf ? new RegExp(s.allowIf) : null,
      message: s.message,
      ...('suggestion' in s && s.suggestion ? { suggestion: s.suggestion } : {}),
      source: s.source,
    })),
    typos: typosData.typos.map(({ unlessSentenceHas, ...entry }) =>
      unlessSentenceHas ? { ...entry, unlessSentenceHas: new RegExp(unlessSentenceHas) } : entry,
    ),
    jiezhi: scanPattern(new RegExp(typosData.jiezhiPattern, 'g')),
    canonical: canonicalData.formulations.map((f) => ({ ...f, severity: asSeverity(f.severity) })),
    scramble: canonicalData.scramble,
    residueLines: residueData.linePatterns.map((p) => ({
      pattern: scanPattern(new RegExp(p.pattern, 'gm')),
      message: p.message,
    })),
    residueInline: residueData.inlinePatterns.map((p) => ({
      pattern: scanPattern(new RegExp(p.pattern, 'g')),
      message: p.message,
    })),
    templateDomains: residueData.templateDomains,
    duplicateFunctionChars: duplicateData.functionChars,
    duplicateAllow: duplicateData.allowContexts,
    reduplication: duplicateData.reduplication,
  };
  return cached;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';

function anniversaryPattern(list: readonly Anniversary[]): ScanPattern {
  const aliases = list
    .flatMap((a) => a.aliases.map((alias) => ({ alias, a })))
    .sort((x, y) => y.alias.length - x.alias.length);
  return scanPattern(
    new RegExp(`(${aliases.map((x) => x.alias).join('|')})(\\d{1,3}|${CN_NUM})周年`, 'g'),
  );
}

/** Alias → anniversary; an alias listed twice keeps its first entry. */
function byAlias(list: readonly Anniversary[]): Map<string, Anniversary> {
  const map = new Map<string, Anniversary>();
  for (const a of list) for (const alias of a.aliases) if (!map.has(alias)) map.set(alias, a);
  return map;
}

/** Chinese ordinal of a congress term: 19 → 十九, 20 → 二十. */
export function termName(term: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const tens = Math.floor(term / 10);
  const ones = term % 10;
  return `${tens === 1 ? '' : (d[tens] ?? '')}${tens > 0 ? '十' : ''}${d[ones] ?? ''}`;
}

/** Chinese name of an event: 党的二十大 / 二十届三中全会. */
export function eventName(e: Pick<CongressEvent, 'term' | 'plenum'>): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  return e.plenum === 0
    ? `党的${termName(e.term)}大`
    : `${termName(e.term)}届${d[e.plenum] ?? ''}中全会`;
}
