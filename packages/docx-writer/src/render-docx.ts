import { Document, DocumentGridType, LineRuleType, Packer } from 'docx';
import { addFontFallbacks } from './add-font-fallbacks';
import { buildPageNumberFooters } from './build-footers';
import { buildParagraphs } from './build-paragraphs';
import type { OfficialDocument } from './official-document';
import {
  ALL_FONTS,
  FONT_BODY,
  FOOTER_DISTANCE,
  GRID_CHAR_SPACE,
  HEADER_DISTANCE,
  LANGUAGE,
  LATIN_FONT,
  LINE_PITCH,
  MARGIN_BOTTOM,
  MARGIN_LEFT,
  MARGIN_RIGHT,
  MARGIN_TOP,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  SIZE_BODY,
} from './official-layout';
import type { OfficialDocumentLimits } from './validate-official-document';
import { validateOfficialDocument } from './validate-official-document';

export interface RenderDocxOptions {
  limits?: OfficialDocumentLimits;
}

/** Writes an OfficialDocument as a .docx in the GB/T 9704-2012 layout. */
export async function renderDocx(
  doc: OfficialDocument,
  options: RenderDocxOptions = {},
): Promise<Buffer> {
  validateOfficialDocument(doc, options.limits);
  const document = new Document({
    title: doc.title.replace(/\s+/g, ''),
    creator: doc.properties?.creator ?? doc.signature ?? '台账',
    subject: doc.properties?.subject,
    keywords: doc.properties?.keywords,
    description: doc.properties?.description,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            size: SIZE_BODY,
            language: LANGUAGE,
            font: {
              ascii: LATIN_FONT,
              hAnsi: LATIN_FONT,
              cs: LATIN_FONT,
              eastAsia: FONT_BODY.eastAsia,
            },
          },
          paragraph: {
            spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: PAGE_HEIGHT },
            margin: {
              top: MARGIN_TOP,
              bottom: MARGIN_BOTTOM,
              left: MARGIN_LEFT,
              right: MARGIN_RIGHT,
              header: HEADER_DISTANCE,
              footer: FOOTER_DISTANCE,
              gutter: 0,
            },
          },
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: LINE_PITCH,
            charSpace: GRID_CHAR_SPACE,
          },
        },
        footers: buildPageNumberFooters(),
        children: buildParagraphs(doc),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return addFontFallbacks(packed, ALL_FONTS);
}
