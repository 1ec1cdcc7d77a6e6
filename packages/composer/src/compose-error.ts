export type ComposeErrorCode = 'INVALID_INPUT' | 'INPUT_TOO_LARGE' | 'UNKNOWN_TOPIC_AREA';

/** Raised when the composer's input is malformed or absurdly large; `code` is stable. */
export class ComposeError extends Error {
  readonly code: ComposeErrorCode;
  readonly path: string;

  constructor(code: ComposeErrorCode, path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'ComposeError';
    this.code = code;
    this.path = path;
  }
}
