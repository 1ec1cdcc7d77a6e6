export type {
  HeadingLevel,
  OfficialBlock,
  OfficialDocument,
  OfficialHeadingBlock,
  OfficialParagraphBlock,
} from './official-document';
export type { DocxWriterErrorCode } from './docx-writer-error';
export { DocxWriterError } from './docx-writer-error';
export type { OfficialDocumentLimits } from './validate-official-document';
export {
  DEFAULT_MAX_BLOCKS,
  DEFAULT_MAX_TEXT_BYTES,
  formatOfficialDate,
  parseIsoDate,
  validateOfficialDocument,
} from './validate-official-document';
export type { RenderDocxOptions } from './render-docx';
export { renderDocx } from './render-docx';
export * as officialLayout from './official-layout';
export { officialDocumentFromText } from './official-text';
