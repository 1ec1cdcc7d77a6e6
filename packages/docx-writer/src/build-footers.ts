import { AlignmentType, Footer, PageNumber, Paragraph, TextRun } from 'docx';
import { FONT_PAGE_NUMBER, LANGUAGE, LATIN_FONT, SIZE_PAGE_NUMBER } from './official-layout';

// GB/T 9704: page number in 4号 宋体 between em dashes, odd pages right with one character of
// space, even pages left with one character of space.
const ONE_CHAR_AT_14PT = 280;

function pageNumberParagraph(side: 'odd' | 'even'): Paragraph {
  return new Paragraph({
    alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    indent: side === 'odd' ? { right: ONE_CHAR_AT_14PT } : { left: ONE_CHAR_AT_14PT },
    children: [
      new TextRun({
        children: ['— ', PageNumber.CURRENT, ' —'],
        size: SIZE_PAGE_NUMBER,
        language: LANGUAGE,
        font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, eastAsia: FONT_PAGE_NUMBER.eastAsia },
      }),
    ],
  });
}

/** Builds the odd-page (default) and even-page footers with a PAGE field. */
export function buildPageNumberFooters(): { default: Footer; even: Footer } {
  return {
    default: new Footer({ children: [pageNumberParagraph('odd')] }),
    even: new Footer({ children: [pageNumberParagraph('even')] }),
  };
}
