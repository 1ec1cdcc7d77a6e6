/** Heading levels of an official document: `一、` → `（一）` → `1.` → `（1）`. */
export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * A heading paragraph. `number` is the ordinal exactly as printed (`一、`, `（一）`, `1.`, `（1）`);
 * `text` is the heading itself. `body`, when present, continues in the same paragraph in the body
 * font — the genre's run-in style: "（一）强化组织领导，压实工作责任。" followed by the facts.
 */
export interface OfficialHeadingBlock {
  kind: 'heading';
  level: HeadingLevel;
  number: string;
  text: string;
  body?: string;
}

/** A body paragraph, first-line indented two characters. */
export interface OfficialParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export type OfficialBlock = OfficialHeadingBlock | OfficialParagraphBlock;

/** The input of the .docx writer: a plain-text official document (公文) in reading order. */
export interface OfficialDocument {
  /** Title (标题); `\n` breaks it into lines. */
  title: string;
  /** 主送机关, printed flush left under the title, e.g. `中共青川市委宣传部：`. */
  recipient?: string;
  blocks: OfficialBlock[];
  /** 发文机关署名, right-aligned at the end. */
  signature?: string;
  /** 成文日期 as `YYYY-MM-DD`; printed as `2024年7月10日`. */
  date?: string;
  properties?: {
    creator?: string;
    subject?: string;
    keywords?: string;
    description?: string;
  };
}
