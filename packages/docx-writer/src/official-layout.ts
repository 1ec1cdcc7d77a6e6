// GB/T 9704-2012 layout values in twips (1/20 pt), as given in DESIGN.md.

export const PAGE_WIDTH = 11906; // A4 210 mm
export const PAGE_HEIGHT = 16838; // A4 297 mm
export const MARGIN_TOP = 2098; // 37 mm
export const MARGIN_BOTTOM = 1984; // 35 mm
export const MARGIN_LEFT = 1588; // 28 mm
export const MARGIN_RIGHT = 1474; // 26 mm
/** Footer distance from the page edge, so the page number sits about 7 mm under the text block. */
export const FOOTER_DISTANCE = 1247;
export const HEADER_DISTANCE = 851;

/** Exact line spacing: 22 lines in the 247 mm text block. */
export const LINE_PITCH = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Font sizes in half-points (docx `size`). */
export const SIZE_TITLE = 44; // 2号, 22 pt
export const SIZE_BODY = 32; // 3号, 16 pt
export const SIZE_PAGE_NUMBER = 28; // 4号, 14 pt

/** One character of body text (16 pt) in twips. */
export const BODY_CHAR = 320;

/**
 * Character spacing of the document grid, in 1/4096 pt relative to the 16 pt default font, so
 * that exactly 28 characters fit the 8844-twip text width: 320 - 849·20/4096 ≈ 315.85 twips.
 */
export const GRID_CHAR_SPACE = -849;

export const LATIN_FONT = 'Times New Roman';

/** Language tags: East Asian text is Simplified Chinese, so renderers pick SC glyph variants. */
export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

export interface FontFace {
  /** East Asian font name (`w:eastAsia`). */
  eastAsia: string;
  /** Installed-on-most-systems alternative, written to the font table as `w:altName`. */
  fallback: string;
}

export const FONT_TITLE: FontFace = { eastAsia: '方正小标宋简体', fallback: 'SimSun' };
export const FONT_BODY: FontFace = { eastAsia: '仿宋_GB2312', fallback: 'FangSong' };
export const FONT_HEADING_1: FontFace = { eastAsia: '黑体', fallback: 'SimHei' };
export const FONT_HEADING_2: FontFace = { eastAsia: '楷体_GB2312', fallback: 'KaiTi' };
export const FONT_PAGE_NUMBER: FontFace = { eastAsia: '宋体', fallback: 'SimSun' };

export const ALL_FONTS: readonly FontFace[] = [
  FONT_TITLE,
  FONT_BODY,
  FONT_HEADING_1,
  FONT_HEADING_2,
  FONT_PAGE_NUMBER,
];
