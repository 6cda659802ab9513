/**
 * The one error family of omvarld. Every error names what was expected and, where it applies, the file, line and
 * column; `hint` says what to do about it. `toString()` is a single line, fit for a CLI.
 */
export type ErrorCode =
  | "FORMAT_UNKNOWN"
  | "FILE_BINARY"
  | "FILE_TRUNCATED"
  | "TOO_LARGE"
  | "PARSE"
  | "REGION_CODE"
  | "SCHEMA"
  | "ARGUMENT"
  | "DEPENDENCY"
  | "NETWORK"
  | "OFFLINE";

export interface ErrorPlace {
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

export class OmvarldError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, place: ErrorPlace = {}, hint?: string) {
    super(message);
    this.name = "OmvarldError";
    this.code = code;
    this.file = place.file;
    this.line = place.line;
    this.column = place.column;
    this.hint = hint;
  }

  /** `file:line:column: message (hint: ...)` on one line. */
  override toString(): string {
    const where = [this.file, this.line, this.column].filter((p) => p !== undefined).join(":");
    const hint = this.hint ? ` (hint: ${this.hint})` : "";
    return `${where ? `${where}: ` : ""}${this.message}${hint}`;
  }
}

/** Adds a file name to an error raised before the file was known. */
export function inFile(error: unknown, file: string | undefined): unknown {
  if (error instanceof OmvarldError && error.file === undefined && file !== undefined) {
    return new OmvarldError(error.code, error.message, { file, line: error.line, column: error.column }, error.hint);
  }
  return error;
}
