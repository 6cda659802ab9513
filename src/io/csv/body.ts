import { OmvarldError } from "../../errors.ts";
import { type Column, NumberColumnBuilder, StringColumn, StringColumnBuilder } from "../../table/column.ts";
import { parseCell } from "../values.ts";
import { type CellSink, tokenize } from "./tokenize.ts";

/** How one column is read: as numbers (with symbols kept as status) or as text. */
export interface ColumnPlan {
  header: string;
  numeric: boolean;
}

export interface Body {
  columns: Column[];
  /** Per column, the symbols and flags that stood in place of numbers (null where none occurred). */
  status: (StringColumn | null)[];
  /** Source line of each row. */
  lines: Int32Array;
  rows: number;
  warnings: string[];
}

/**
 * Reads the data rows of delimited text into typed columns. Text without quotes takes a fused single pass that
 * parses numbers while it scans; quoted text goes through the general tokenizer.
 */
export function readBody(text: string, offset: number, delimiter: string, plans: ColumnPlan[], decimalComma: boolean, file: string | undefined): Body {
  const body = new BodyBuilder(text, offset, plans, decimalComma, file);
  if (text.indexOf('"', offset) < 0) scanUnquoted(text, offset, delimiter, plans, body);
  else scanQuoted(text, offset, delimiter, plans.length, body);
  return body.finish(delimiter);
}

class BodyBuilder {
  readonly strings: (StringColumnBuilder | null)[];
  readonly numbers: (NumberColumnBuilder | null)[];
  readonly #statuses: ((string | null)[] | null)[];
  #lines: Int32Array;
  rows = 0;
  readonly #text: string;
  readonly #plans: ColumnPlan[];
  readonly decimalComma: boolean;
  readonly #file: string | undefined;

  constructor(text: string, offset: number, plans: ColumnPlan[], decimalComma: boolean, file: string | undefined) {
    const capacity = estimateRows(text, offset);
    this.strings = plans.map((p) => (p.numeric ? null : new StringColumnBuilder(capacity)));
    this.numbers = plans.map((p) => (p.numeric ? new NumberColumnBuilder(capacity) : null));
    this.#statuses = plans.map(() => null);
    this.#lines = new Int32Array(capacity);
    this.#text = text;
    this.#plans = plans;
    this.decimalComma = decimalComma;
    this.#file = file;
  }

  /** A number cell that the fast parse could not read: a symbol, a flagged number, or an error. */
  symbol(j: number, start: number, end: number, line: number): void {
    const raw = this.#text.slice(start, end);
    const cell = parseCell(raw, this.decimalComma);
    if (cell.status === "invalid") {
      throw new OmvarldError(
        "PARSE",
        `column "${this.#plans[j]!.header}" expected a number or a missing-value symbol, found "${raw.trim()}"`,
        { file: this.#file, line, column: j + 1 },
        this.decimalComma ? "numbers are read with decimal comma" : "numbers are read with decimal point; is the column text?",
      );
    }
    this.numbers[j]!.push(cell.value);
    if (cell.status !== null && !this.#statuses[j]) this.#statuses[j] = new Array<string | null>(this.rows).fill(null);
    this.#statuses[j]?.push(cell.status);
  }

  /** A number cell given by its span: plain numbers directly, anything else through `symbol`. */
  number(j: number, start: number, end: number, line: number): void {
    const value = parseSpan(this.#text, start, end, this.decimalComma);
    if (Number.isNaN(value)) this.symbol(j, start, end, line);
    else {
      this.numbers[j]!.push(value);
      this.plain(j);
    }
  }

  /** Called after a number was pushed the fast way, to keep a status column (if any) aligned. */
  plain(j: number): void {
    this.#statuses[j]?.push(null);
  }

  endRow(line: number): void {
    if (this.rows === this.#lines.length) {
      const grown = new Int32Array(this.rows * 2);
      grown.set(this.#lines);
      this.#lines = grown;
    }
    this.#lines[this.rows++] = line;
  }

  tooFewCells(line: number, cells: number): never {
    throw new OmvarldError(
      "FILE_TRUNCATED",
      `line ${line} has ${cells} cells, expected ${this.#plans.length}`,
      { file: this.#file, line, column: cells + 1 },
      "the file may be cut off, or a cell holds an unquoted delimiter",
    );
  }

  finish(delimiter: string): Body {
    const text = this.#text;
    const warnings: string[] = [];
    const last = text.charCodeAt(text.length - 1);
    if (this.rows > 0 && last !== 10 && last !== 13) {
      const line = this.#lines[this.rows - 1]!;
      if (last === delimiter.charCodeAt(0) && this.#plans.length > 1) {
        throw new OmvarldError("FILE_TRUNCATED", `line ${line} ends with a delimiter and no line break`, { file: this.#file, line, column: this.#plans.length }, "the file may be cut off");
      }
      warnings.push(`the file does not end with a line break: if it was cut off, its last row (line ${line}) may be incomplete`);
    }
    return {
      columns: this.#plans.map((_, j) => this.strings[j]?.finish() ?? this.numbers[j]!.finish()),
      status: this.#statuses.map((s) => (s ? StringColumn.from(s) : null)),
      lines: this.#lines.slice(0, this.rows),
      rows: this.rows,
      warnings,
    };
  }
}

/** Rows to expect, from the length of the first lines, a little over so that builders need not grow. */
function estimateRows(text: string, offset: number): number {
  const probe = text.slice(offset, offset + (1 << 16));
  const lines = probe.split(/\r\n|\n|\r/).length - 1;
  if (lines < 2) return 1024;
  return Math.ceil(((text.length - offset) / probe.length) * lines * 1.05) + 16;
}

/**
 * The fused pass for text with no quotes: one scan per line, numbers accumulated digit by digit as they are read.
 * Anything unusual in a number cell (a symbol, a flag, an exponent, more than 15 digits) goes to `body.symbol`.
 */
function scanUnquoted(text: string, offset: number, delimiter: string, plans: ColumnPlan[], body: BodyBuilder): void {
  const delim = delimiter.charCodeAt(0);
  const width = plans.length;
  const numeric = plans.map((p) => p.numeric);
  const point = body.decimalComma ? 44 : 46;
  const n = text.length;
  let i = offset;
  let line = 1;
  for (let k = 0; k < offset; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
  }
  // skip the header row
  while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  let header = true;
  while (i < n) {
    // line end
    if (text.charCodeAt(i) === 13) i++;
    if (text.charCodeAt(i) === 10) i++;
    if (header) header = false;
    line++;
    if (i >= n) break;
    const c0 = text.charCodeAt(i);
    if (c0 === 10 || c0 === 13) continue;
    // a row of only delimiters (Excel's empty rows `;;;;`) is skipped
    let k = i;
    while (k < n && text.charCodeAt(k) === delim) k++;
    if (k >= n || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) {
      i = k;
      continue;
    }
    for (let j = 0; j < width; j++) {
      const start = i;
      if (numeric[j]) {
        let c = text.charCodeAt(i);
        const negative = c === 45;
        if (negative || c === 43) c = text.charCodeAt(++i);
        let mantissa = 0;
        let digits = 0;
        let scale = 0;
        let seenPoint = false;
        for (;;) {
          if (c >= 48 && c <= 57) {
            mantissa = mantissa * 10 + (c - 48);
            digits++;
            if (seenPoint) scale++;
          } else if (c === point && !seenPoint) seenPoint = true;
          else break;
          c = text.charCodeAt(++i);
        }
        if (i < n && c !== delim && c !== 10 && c !== 13) {
          // not a plain number: find the end of the cell and take the slow road
          while (i < n && c !== delim && c !== 10 && c !== 13) c = text.charCodeAt(++i);
          body.symbol(j, start, i, line);
        } else if (digits === 0 || digits > 15) {
          body.symbol(j, start, i, line);
        } else {
          const value = scale === 0 ? mantissa : mantissa / 10 ** scale;
          body.numbers[j]!.push(negative ? -value : value);
          body.plain(j);
        }
      } else {
        let c = text.charCodeAt(i);
        while (i < n && c !== delim && c !== 10 && c !== 13) c = text.charCodeAt(++i);
        body.strings[j]!.pushSpan(text, start, i);
      }
      if (j < width - 1) {
        if (text.charCodeAt(i) !== delim) body.tooFewCells(line, j + 1);
        i++;
      }
    }
    // cells beyond the header's (Excel's trailing `;`) are passed over
    while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    body.endRow(line);
  }
}

/** The general pass: the tokenizer handles quotes, doubled quotes and line breaks inside quoted cells. */
function scanQuoted(text: string, offset: number, delimiter: string, width: number, body: BodyBuilder): void {
  const starts = new Int32Array(width + 64);
  const ends = new Int32Array(width + 64);
  const escapedFlags = new Uint8Array(width + 64);
  let header = true;
  const sink: CellSink = {
    cell(column, start, end, _quoted, escaped) {
      if (column < starts.length) {
        starts[column] = start;
        ends[column] = end;
        escapedFlags[column] = escaped ? 1 : 0;
      }
    },
    row(line, cells) {
      if (header) {
        header = false;
        return;
      }
      let empty = true;
      for (let j = 0; j < Math.min(cells, starts.length); j++) {
        if (ends[j]! > starts[j]!) {
          empty = false;
          break;
        }
      }
      if (empty) return;
      if (cells < width) body.tooFewCells(line, cells);
      for (let j = 0; j < width; j++) {
        const start = starts[j]!;
        const end = ends[j]!;
        const s = body.strings[j];
        if (s) {
          if (escapedFlags[j]) {
            const cell = text.slice(start, end).replaceAll('""', '"').trim();
            s.push(cell === "" ? null : cell);
          } else s.pushSpan(text, start, end);
        } else body.number(j, start, end, line);
      }
      body.endRow(line);
    },
  };
  tokenize(text, delimiter, sink, offset, (line) => {
    throw new OmvarldError("FILE_TRUNCATED", "a quoted cell is never closed", { line }, "the file may be cut off");
  });
}

/** Parses one plain number from a span without copying it; NaN when the span is anything else. */
function parseSpan(text: string, start: number, end: number, decimalComma: boolean): number {
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  let i = start;
  let negative = false;
  const first = text.charCodeAt(i);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let seenPoint = false;
  const point = decimalComma ? 44 : 46;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (seenPoint) scale++;
    } else if (c === point && !seenPoint) seenPoint = true;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = scale === 0 ? mantissa : mantissa / 10 ** scale;
  return negative ? -value : value;
}
