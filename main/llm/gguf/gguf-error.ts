/** Why a GGUF file was refused: a closed set of reasons with messages a user can act on. */

/** The reasons a GGUF file cannot be read or used. */
export type GgufErrorCode =
  'not_gguf' | 'unsupported_version' | 'truncated' | 'malformed' | 'unsupported_architecture' | 'unreadable';

/** A refused GGUF file; `code` says why, the message says what to do. */
export class GgufError extends Error {
  /** Creates the error for `file`. */
  constructor(
    readonly code: GgufErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GgufError';
  }
}
