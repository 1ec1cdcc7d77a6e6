import type { EditorDraft } from './editor-draft';
import { isBlank, subsectionNumbers } from './editor-draft';
import type { Finding } from './reports.types';

/** Proofreader findings by where the editor shows them: a paragraph's key, or a place key. */
export type PlacedFindings = ReadonlyMap<string, Finding[]>;

export const placeKey = {
  title: 'title',
  opening: 'opening',
  signature: 'signature',
  date: 'date',
  heading: (sectionId: string) => `heading:${sectionId}`,
  topic: (sectionId: string, subsectionId: string) => `topic:${sectionId}/${subsectionId}`,
};

const NONE: Finding[] = [];

export function findingsAt(placed: PlacedFindings, key: string): Finding[] {
  return placed.get(key) ?? NONE;
}

interface ListPlaces {
  /** Keys of the paragraphs the server keeps (it drops blank ones), by its paragraph index. */
  keys: string[];
  /** Where findings go that fit no paragraph. */
  fallback: string;
  /** Code points of `（一）topic` on a subsection's first line. */
  head: number;
}

/**
 * Places the findings of a proofread draft: the server numbers paragraphs without the blank ones
 * and puts a subsection's topic and first paragraph on one line, so map its locations back.
 */
export function placeFindings(draft: EditorDraft, findings: readonly Finding[]): PlacedFindings {
  const lists = new Map<string, ListPlaces>();
  const kept = (ps: { key: string; text: string }[]) =>
    ps.filter((p) => !isBlank(p.text)).map((p) => p.key);
  for (const section of draft.sections) {
    lists.set(section.id, {
      keys: kept(section.paragraphs),
      fallback: placeKey.heading(section.id),
      head: 0,
    });
    const numbers = subsectionNumbers(section);
    for (const sub of section.subsections) {
      lists.set(`${section.id}/${sub.id}`, {
        keys: kept(sub.paragraphs),
        fallback: placeKey.topic(section.id, sub.id),
        head: [...`${numbers.get(sub.id) ?? ''}${sub.topic.trim()}`].length,
      });
    }
  }
  const placed = new Map<string, Finding[]>();
  const put = (key: string, f: Finding) => placed.set(key, [...(placed.get(key) ?? NONE), f]);
  for (const f of findings) {
    const { part, sectionId, subsectionId, paragraph } = f.location;
    if (sectionId === undefined) {
      put(part, f);
      continue;
    }
    if (part === 'heading') {
      put(placeKey.heading(sectionId), f);
      continue;
    }
    const list = lists.get(subsectionId === undefined ? sectionId : `${sectionId}/${subsectionId}`);
    if (!list) continue;
    if (part === 'subsection' && f.column <= list.head) put(list.fallback, f);
    else put(list.keys[paragraph ?? 0] ?? list.fallback, f);
  }
  return placed;
}
