/** Every operation answers with a value, never a thrown error, across the process boundary. */
export type ApiErrorCode =
  | 'invalid-argument'
  | 'unknown-operation'
  | 'not-found'
  | 'portfolio-unavailable'
  | 'storage-failed'
  | 'unauthorised'
  | 'internal'
  /** A share or feedback file is protected: ask for its passphrase and try again. */
  | 'passphrase-needed'
  /** The passphrase given does not open the file. */
  | 'passphrase-wrong'
  /** A file the user chose cannot be read (damaged, changed, the wrong kind, too new…). */
  | 'invalid-file';

export interface ApiError {
  code: ApiErrorCode;
  /** A plain sentence the page can show as it is. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(code: ApiErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}
