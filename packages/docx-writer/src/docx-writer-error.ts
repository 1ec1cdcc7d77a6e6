export type DocxWriterErrorCode =
  'TOO_MANY_BLOCKS' | 'TEXT_TOO_LARGE' | 'EMPTY_TITLE' | 'INVALID_DATE' | 'INVALID_BLOCK';

/** Raised when an OfficialDocument cannot be written; `code` is stable for callers to map. */
export class DocxWriterError extends Error {
  readonly code: DocxWriterErrorCode;

  constructor(code: DocxWriterErrorCode, message: string) {
    super(message);
    this.name = 'DocxWriterError';
    this.code = code;
  }
}
