import { OmvarldError } from "../../errors.ts";
import {
  type Column,
  NumberColumn,
  NumberColumnBuilder,
  StringColumn,
  StringColumnBuilder,
} from "../../table/column.ts";
import { parseCell } from "../values.ts";
import { visible } from "../visible.ts";
import { describeFormat, detectNumberFormat, type NumberFormat, parseNumber } from "./numbers.ts";
import { type CellSink, tokenize } from "./tokenize.ts";

/** How one column is read: as numbers (with symbols kept as status) or as text. */
export interface ColumnPlan {
  header: string;
  numeric: boolean;
  /** For a number column, its decimal and grouping marks (see `detectNumberFormat`); a plain decimal point when absent. */
  format?: NumberFormat;
  /**
   * The marks the file's other columns use as decimal mark and as thousands separator: they settle a mark that a
   * column first shows after the sample (`1.234` where the file's decimal mark is a comma groups thousands).
   */
  fileMarks?: { decimal: "." | "," | null; group: "." | "," | null };
}

export interface Body {
  columns: Column[];
  /** Per column, the symbols and flags that stood in place of numbers (null where none occurred). */
  status: (StringColumn | null)[];
  /** Source line of a row. */
  lineOf: (row: number) => number;
  rows: number;
  warnings: string[];
  /** The line of the last row when the input ends without a line break after it (it may be cut), else null. */
  unterminated: number | null;
}

/**
 * A piece of the input in bytes that ends at a record end (a line end outside quotes, see `recordCut`) or at the end
 * of the input, with a decoder for spans.
 */
export interface Chunk {
  bytes: Uint8Array;
  decode: (start: number, end: number) => string;
  /** True on the last chunk (tells a row cut off at the end of the file from one missing a cell). */
  final?: boolean;
}

/**
 * The data: as text, or as chunks of bytes (the first chunk starts at the header row). Chunks without quotes are
 * scanned as bytes; a chunk with quotes is decoded to one string of its own, so that the file is never one string.
 */
export type Source = { text: string; offset: number } | { chunks: Iterable<Chunk>; size: number };

/**
 * Reads the data rows of delimited text into typed columns. Data without quotes takes a fused single pass that
 * parses numbers while it scans; quoted text goes through the general tokenizer.
 */
export function readBody(
  source: Source,
  delimiter: string,
  plans: ColumnPlan[],
  file: string | undefined,
  trailing = false,
): Body {
  if ("chunks" in source) {
    const part = readBodyPart(source.chunks, source.size, delimiter, plans, file, trailing, { line: 1, header: true });
    return finishBody([part!], plans, file, delimiter, trailing);
  }
  const { text, offset } = source;
  const body = new BodyBuilder(text.length - offset, probeLines(text.slice(offset, offset + (1 << 16))), plans, file);
  body.expectTrailing = trailing;
  if (text.indexOf('"', offset) < 0) {
    scanUnquoted(text, offset, delimiter, plans, body, (s, e) => text.slice(s, e), {
      line: lineAt(text, offset),
      header: true,
    });
  } else scanQuoted(text, offset, delimiter, plans.length, body, { line: 1, header: true }, true);
  return finishBody([body.part(text.charCodeAt(text.length - 1), 0)], plans, file, delimiter, trailing);
}

/**
 * Reads the rows of chunks of bytes into the columns of one part of the data, without the checks at the end of the
 * input (see `finishBody`). `state` is where the part starts: its line number and whether the header row is in it.
 * With `unquotedOnly`, returns undefined as soon as a chunk holds a quote, a cell's number format changes from the
 * plan's (a mark first seen after the sample), or a chunk is not valid UTF-8 where `utf8` is given: a part read
 * apart from the rows before it cannot settle these (the caller reads the file in one pass instead).
 *
 * @example
 * readBodyPart(chunks, size, ",", plans, file, false, { line: 1, header: true })?.rows; // the rows of the chunks
 */
export function readBodyPart(
  chunks: Iterable<Chunk>,
  size: number,
  delimiter: string,
  plans: ColumnPlan[],
  file: string | undefined,
  trailing: boolean,
  state: { line: number; header: boolean },
  unquotedOnly = false,
  keepRoom = false,
  backing?: readonly (Float64Array | Int32Array | null)[],
): BodyPart | undefined {
  let body: BodyBuilder | undefined;
  let last = NaN;
  for (const { bytes, decode, final } of chunks) {
    body ??= new BodyBuilder(size, probeLines(bytes.subarray(0, 1 << 16)), plans, file, backing);
    body.expectTrailing = trailing;
    if (bytes.indexOf(0x22) < 0) scanUnquoted(bytes, 0, delimiter, plans, body, decode, state);
    else if (unquotedOnly) return undefined;
    else scanQuoted(decode(0, bytes.length), 0, delimiter, plans.length, body, state, final ?? false);
    if (unquotedOnly && body.formatsChanged()) return undefined;
    if (bytes.length) last = bytes[bytes.length - 1]!;
  }
  body ??= new BodyBuilder(0, 0, plans, file);
  return body.part(last, state.line, keepRoom);
}

/** One part of the data as read (see `readBodyPart`): its columns and rows before the end-of-input checks. */
export interface BodyPart {
  columns: Column[];
  /** Per column, the symbols that stood in place of numbers, one per row (null where none occurred). */
  statuses: ((string | null)[] | null)[];
  rows: number;
  /** The line of the first row; `lines` gives each row's line where the rows do not follow one another. */
  firstLine: number;
  lines: Int32Array | null;
  /** The line after the part's last. */
  endLine: number;
  /** Whether the part's last row ended in empty cells beyond the header's. */
  trailing: boolean;
  /** The part's last byte or character (NaN when it is empty). */
  last: number;
}

/**
 * Joins parts of the data read in order (their line numbers already those of the file) into one body, and applies
 * the checks at the end of the input: a last line without a line break, cut off or not.
 *
 * @example
 * finishBody([first, second], plans, file, ",", false).rows; // first.rows + second.rows
 */
export function finishBody(
  parts: readonly BodyPart[],
  plans: ColumnPlan[],
  file: string | undefined,
  delimiter: string,
  expectTrailing: boolean,
): Body {
  const filled = parts.filter((p) => p.rows > 0);
  const rows = filled.reduce((s, p) => s + p.rows, 0);
  const columns = plans.map((_, j) => joinColumns(parts.map((p) => p.columns[j]!)));
  const statuses = plans.map((_, j) => {
    if (parts.every((p) => !p.statuses[j])) return null;
    if (parts.length === 1) return StringColumn.from(parts[0]!.statuses[j]!);
    const all: (string | null)[] = [];
    for (const p of parts) {
      const s = p.statuses[j];
      if (s) for (const v of s) all.push(v);
      else for (let r = 0; r < p.rows; r++) all.push(null);
    }
    return StringColumn.from(all);
  });
  // line numbers: one run from the first row's line, or one per row
  const first = filled[0]?.firstLine ?? 0;
  let contiguous = true;
  let next = first;
  for (const p of filled) {
    if (p.lines !== null || p.firstLine !== next) contiguous = false;
    next = p.firstLine + p.rows;
  }
  let lineOf: (row: number) => number;
  if (contiguous) lineOf = (row) => first + row;
  else {
    const lines = new Int32Array(rows);
    let at = 0;
    for (const p of filled) {
      if (p.lines) lines.set(p.lines.subarray(0, p.rows), at);
      else for (let r = 0; r < p.rows; r++) lines[at + r] = p.firstLine + r;
      at += p.rows;
    }
    lineOf = (row) => lines[row]!;
  }
  let last = NaN;
  for (const p of parts) if (!Number.isNaN(p.last)) last = p.last;
  const trailing = filled.at(-1)?.trailing ?? false;
  const warnings: string[] = [];
  let unterminated: number | null = null;
  if (rows > 0 && last !== 10 && last !== 13) {
    const line = lineOf(rows - 1);
    if (last === delimiter.charCodeAt(0) && plans.length > 1 && !trailing) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `line ${line} ends with a delimiter and no line break`,
        { file, line, column: plans.length },
        "the file may be cut off",
      );
    }
    if (!trailing && expectTrailing) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `line ${line} ends without a line break and without the delimiter that ends the header and every other line`,
        { file, line },
        "the file is cut off in its last row; download or save it again",
      );
    }
    if (!trailing) {
      warnings.push(
        `the file does not end with a line break: if it was cut off, its last row (line ${line}) may be incomplete`,
      );
      unterminated = line;
    }
  }
  return { columns, status: statuses, lineOf, rows, warnings, unterminated };
}

/**
 * The columns of consecutive parts as one: numbers copied end to end; strings with one dictionary in the order
 * values first occur (the parts' dictionaries are each in that order), the later parts' codes mapped into it.
 */
function joinColumns(columns: Column[]): Column {
  if (columns.length === 1) return columns[0]!;
  const rows = columns.reduce((s, c) => s + c.length, 0);
  const head = columns[0]!;
  const arrayOf = (c: Column) => (c.type === "number" ? c.values : c.codes);
  const headArray = arrayOf(head);
  const width = headArray.BYTES_PER_ELEMENT;
  // where each part's rows go
  const at: number[] = [];
  for (let k = 0, n = 0; k < columns.length; n += columns[k]!.length, k++) at.push(n);
  /** Whether part k lies in the first part's buffer (shared memory the parts were read into), and where. */
  const shares = (k: number) => arrayOf(columns[k]!).buffer === headArray.buffer;
  const startOf = (k: number) => arrayOf(columns[k]!).byteOffset / width;
  // the first part's array, where it has room for every row (its builder was sized for the whole file, or the parts
  // were read into one shared buffer), is filled on in place: no second copy of the columns. Parts in the same
  // buffer move towards its start, each to where no later part lies yet.
  const room =
    headArray.byteOffset === 0 &&
    headArray.buffer.byteLength >= rows * width &&
    columns.every((_, k) => k === 0 || !shares(k) || startOf(k) >= at[k]!);
  if (head.type === "number") {
    const values = room ? new Float64Array(head.values.buffer, 0, rows) : new Float64Array(rows);
    columns.forEach((c, k) => {
      if (room && k === 0) return;
      if (room && shares(k)) values.copyWithin(at[k]!, startOf(k), startOf(k) + c.length);
      else values.set((c as NumberColumn).values, at[k]!);
    });
    return new NumberColumn(values);
  }
  const dictionary: string[] = [...head.dictionary];
  const index = new Map(dictionary.map((d, k) => [d, k]));
  const codes = room ? new Int32Array(head.codes.buffer, 0, rows) : new Int32Array(rows);
  columns.forEach((column, k) => {
    const c = column as StringColumn;
    const remap = Int32Array.from(c.dictionary, (d) => {
      let code = index.get(d);
      if (code === undefined) index.set(d, (code = dictionary.push(d) - 1));
      return code;
    });
    // the first part's codes are the dictionary's own
    if (room && k === 0) return;
    // from the part's own place in the shared buffer (at or after where it goes), in order
    const from = room && shares(k) ? codes.subarray(startOf(k), startOf(k) + c.length) : c.codes;
    const to = at[k]!;
    for (let r = 0; r < c.length; r++) {
      const code = from[r]!;
      codes[to + r] = code < 0 ? -1 : remap[code]!;
    }
  });
  return new StringColumn(codes, dictionary);
}

/** Receives cells as the tokenizer would have given them (see `bodyFromSpans`). */
export interface SpanSink {
  /** Cell `j` of the row on `line`: its text between the delimiters (inside the quotes, `""` still doubled). */
  cell(j: number, span: string, escaped: boolean, line: number): void;
  endRow(line: number): void;
}

/**
 * The body of cells that come as values rather than text (a sheet's rows): `fill` hands each row's cells to the
 * sink, each as the tokenizer gives it from the CSV text the cells would make (`span`: the text between the
 * delimiters, inside the quotes with `""` still doubled; `escaped`: it holds a doubled quote), and they are read as
 * `scanQuoted` reads them from that text: the same columns, symbols, errors and lines, without the text. The rows must
 * have the plans' width and no line break in a cell, and an empty row must be passed over by `fill`.
 *
 * @example
 * bodyFromSpans(plans, file, ";", 1, (sink) => {
 *   sink.cell(0, "0114", false, 4);
 *   sink.cell(1, "44605", false, 4);
 *   sink.endRow(4);
 * }).rows; // 1
 */
export function bodyFromSpans(
  plans: ColumnPlan[],
  file: string | undefined,
  delimiter: string,
  rows: number,
  fill: (sink: SpanSink) => void,
): Body {
  const body = new BodyBuilder(Math.max(rows, 2), Math.min(Math.max(rows, 2), 1 << 16), plans, file);
  fill({
    cell(j, span, escaped, line) {
      const s = body.strings[j];
      if (s) {
        if (escaped) {
          const cell = span.replaceAll('""', '"').trim();
          s.push(cell === "" ? null : cell);
        } else s.pushSpan(span, 0, span.length);
      } else body.number(j, span, 0, span.length, line);
    },
    endRow(line) {
      body.endRow(line);
    },
  });
  return finishBody([body.part(10, 0)], plans, file, delimiter, false);
}

/** Line ends in a probe of the input, to size the column builders. */
function probeLines(probe: string | Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < probe.length; i++) {
    const c = typeof probe === "string" ? probe.charCodeAt(i) : probe[i]!;
    if (c === 10 || (c === 13 && (typeof probe === "string" ? probe.charCodeAt(i + 1) : probe[i + 1]) !== 10)) lines++;
  }
  return lines;
}

/** The 1-based line number at `offset`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
  }
  return line;
}

class BodyBuilder {
  readonly strings: (StringColumnBuilder | null)[];
  readonly numbers: (NumberColumnBuilder | null)[];
  /** Per column, its number format (mutable: a mark first seen after the sample settles it) and decimal mark's char code (-1 while unknown). */
  readonly formats: NumberFormat[];
  readonly points: Int32Array;
  rows = 0;
  readonly #statuses: ((string | null)[] | null)[];
  /** Line numbers, kept only once a row does not follow right after the previous one. */
  #lines: Int32Array | null = null;
  #firstLine = 0;
  readonly #plans: ColumnPlan[];
  readonly #file: string | undefined;

  /** `size`: characters or bytes of data; `probeLines`: lines in its first 64 KiB. */
  /** `backing`: per column, an array to fill first (see `readBodyPart`). */
  constructor(
    size: number,
    probeLines: number,
    plans: ColumnPlan[],
    file: string | undefined,
    backing?: readonly (Float64Array | Int32Array | null)[],
  ) {
    // rows to expect, a little over so that builders need not grow
    const capacity = probeLines < 2 ? 1024 : Math.ceil((size / Math.min(size, 1 << 16)) * probeLines * 1.05) + 16;
    this.strings = plans.map((p, j) =>
      p.numeric ? null : new StringColumnBuilder(capacity, (backing?.[j] as Int32Array | null) ?? undefined),
    );
    this.numbers = plans.map((p, j) =>
      p.numeric ? new NumberColumnBuilder(capacity, (backing?.[j] as Float64Array | null) ?? undefined) : null,
    );
    this.#statuses = plans.map(() => null);
    this.#plans = plans;
    this.formats = plans.map((p) => ({ ...(p.format ?? { decimal: ".", group: null }) }));
    this.points = Int32Array.from(this.formats, (f) => (f.decimal === null ? -1 : f.decimal.charCodeAt(0)));
    this.#file = file;
  }

  /** A number cell that the fast parse could not read: grouped, a symbol, a flagged number, or an error. */
  symbol(j: number, raw: string, line: number): void {
    let format = this.formats[j]!;
    let value = parseNumber(raw, format);
    if (Number.isNaN(value)) {
      // a mark not seen in the sample (the first decimal, the first grouped number) settles the format, or conflicts
      const settled = detectNumberFormat([raw], format);
      if (
        settled.ok &&
        settled.ambiguous === null &&
        (settled.format.decimal !== format.decimal || settled.format.group !== format.group)
      ) {
        format = this.formats[j] = settled.format;
        this.points[j] = format.decimal === null ? -1 : format.decimal.charCodeAt(0);
        value = parseNumber(raw, format);
      } else if (settled.ok && settled.ambiguous !== null) {
        const mark = raw.includes(".") ? "." : ",";
        const marks = this.#plans[j]!.fileMarks;
        const other = mark === "." ? "," : ".";
        // the file groups with the mark, or uses the other one as its decimal mark: the mark groups here too
        if (marks && marks.decimal !== mark && (marks.decimal === other || marks.group === mark)) {
          const grouped = detectNumberFormat([raw], { ...format, group: mark });
          if (grouped.ok && grouped.ambiguous === null) {
            format = this.formats[j] = grouped.format;
            this.points[j] = format.decimal === null ? -1 : format.decimal.charCodeAt(0);
            value = parseNumber(raw, format);
          }
        } else {
          const header = this.#plans[j]!.header;
          const t = visible(raw.trim());
          const readings =
            mark === "." ? `${t} or ${t.replace(".", "")}` : `${t.replace(",", ".")} or ${t.replace(",", "")}`;
          throw new OmvarldError(
            "PARSE",
            marks?.decimal === mark
              ? `column "${header}" holds "${t}", which reads as ${readings}: the rows before it do not show whether "${mark}" groups thousands in this column, and the file's other columns use "${mark}" as the decimal mark`
              : `column "${header}" holds "${t}", which reads as ${readings}: the rows before it do not show the decimal mark`,
            { file: this.#file, line, column: j + 1 },
            marks?.decimal === mark
              ? `pass decimalComma: ${mark === "." ? "false" : "true"} if "${mark}" is the decimal mark here too; if it groups thousands, the file mixes two number formats: save the column without thousands separators`
              : mark === "."
                ? "pass decimalComma: true (the point groups thousands) or false (the point is the decimal mark)"
                : "pass decimalComma: true (the comma is the decimal mark) or false (the comma groups thousands)",
          );
        }
      }
    }
    if (!Number.isNaN(value)) {
      if (!Number.isFinite(value)) this.tooLarge(j, raw, line);
      this.plain(j, value);
      return;
    }
    const cell = parseCell(raw, format.decimal === ",");
    if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
      if (/^\s*[+-]?\d{16,}/.test(raw) || (cell.value !== null && !Number.isFinite(cell.value)))
        this.tooLarge(j, raw, line);
      throw new OmvarldError(
        "PARSE",
        `column "${this.#plans[j]!.header}" expected a number or a missing-value symbol, found "${visible(raw.trim())}"`,
        { file: this.#file, line, column: j + 1 },
        `numbers in this column are read with ${describeFormat(format)}; is the column text?`,
      );
    }
    this.numbers[j]!.push(cell.value);
    if (cell.status !== null && !this.#statuses[j]) this.#statuses[j] = new Array<string | null>(this.rows).fill(null);
    this.#statuses[j]?.push(cell.status);
  }

  tooLarge(j: number, raw: string, line: number): never {
    const digits = raw.replace(/[^0-9]/g, "").length;
    throw new OmvarldError(
      "PARSE",
      `column "${this.#plans[j]!.header}" holds a number too large to read ("${visible(raw.trim(), 24)}", ${digits} digits)`,
      { file: this.#file, line, column: j + 1 },
      "the cell is damaged, or two cells ran together",
    );
  }

  /** A number cell given by its span in text: plain numbers directly, anything else through `symbol`. */
  number(j: number, text: string, start: number, end: number, line: number): void {
    const value = parseSpan(text, start, end, this.points[j]!);
    if (Number.isNaN(value)) this.symbol(j, text.slice(start, end), line);
    else this.plain(j, value);
  }

  /** A plain number. */
  plain(j: number, value: number): void {
    this.numbers[j]!.push(value);
    this.#statuses[j]?.push(null);
  }

  endRow(line: number): void {
    if (this.rows === 0) this.#firstLine = line;
    let lines = this.#lines;
    if (lines === null) {
      if (line === this.#firstLine + this.rows) {
        this.rows++;
        return;
      }
      lines = this.#lines = new Int32Array(Math.max(1024, this.rows * 2));
      for (let r = 0; r < this.rows; r++) lines[r] = this.#firstLine + r;
    }
    if (this.rows === lines.length) {
      const grown = new Int32Array(this.rows * 2);
      grown.set(lines);
      lines = this.#lines = grown;
    }
    lines[this.rows++] = line;
  }

  /** True when the last row read ended in empty cells beyond the header's (Excel's trailing `;`). */
  trailing = false;
  /** True when the header ends in a delimiter, so that a row ending in one right after its last cell lacks a cell. */
  expectTrailing = false;

  /** `more`: whether data follow the line (a missing cell), or the input ends there (a cut). */
  tooFewCells(line: number, cells: number, more = false): never {
    throw new OmvarldError(
      more ? "PARSE" : "FILE_TRUNCATED",
      `line ${line} has ${cells} cell${cells === 1 ? "" : "s"}, expected ${this.#plans.length} as in the header`,
      { file: this.#file, line, column: cells + 1 },
      more
        ? "a cell is missing, or a cell holds an unquoted delimiter"
        : "the file may be cut off, or a cell holds an unquoted delimiter",
    );
  }

  tooManyCells(line: number, cells: number): never {
    throw new OmvarldError(
      "PARSE",
      `line ${line} has ${cells} cells, expected ${this.#plans.length} as in the header`,
      { file: this.#file, line, column: this.#plans.length + 1 },
      "a label may hold an unquoted delimiter (a comma in a name?); quote it, or save the file again from the source",
    );
  }

  /** True when a cell settled a number format other than the plan's. */
  formatsChanged(): boolean {
    return this.formats.some((f, j) => {
      const planned = this.#plans[j]!.format ?? { decimal: ".", group: null };
      return f.decimal !== planned.decimal || f.group !== planned.group;
    });
  }

  /** The rows read, as one part of the data (`last`: its last character or byte; `endLine`: the line after it). */
  part(last: number, endLine: number, keepRoom = false): BodyPart {
    return {
      columns: this.#plans.map((_, j) => this.strings[j]?.finish(keepRoom) ?? this.numbers[j]!.finish(keepRoom)),
      statuses: this.#statuses,
      rows: this.rows,
      firstLine: this.#firstLine,
      lines: this.#lines ? this.#lines.slice(0, this.rows) : null,
      endLine,
      trailing: this.trailing,
      last,
    };
  }
}

/**
 * The fused pass over text or bytes with no quotes: one scan per line, numbers accumulated digit by digit as they
 * are read. Anything unusual in a number cell (a symbol, a flag, an exponent, more than 15 digits) goes to
 * `body.symbol`. Reads from `start` to the end of `units`; `state` carries the line number and whether the header
 * row is still to be passed over from one chunk to the next.
 */
function scanUnquoted(
  units: string | Uint8Array,
  start: number,
  delimiter: string,
  plans: ColumnPlan[],
  body: BodyBuilder,
  decode: (start: number, end: number) => string,
  state: { line: number; header: boolean },
): void {
  // past the end both give NaN, which fails every comparison below (undefined would make the values polymorphic)
  const at = typeof units === "string" ? (i: number) => units.charCodeAt(i) : (i: number) => units[i] ?? NaN;
  const pushText =
    typeof units === "string"
      ? (j: number, s: number, e: number) => body.strings[j]!.pushSpan(units, s, e)
      : (j: number, s: number, e: number) => body.strings[j]!.pushBytes(units, s, e, decode);
  const delim = delimiter.charCodeAt(0);
  const width = plans.length;
  const numeric = plans.map((p) => p.numeric);
  const points = body.points;
  const n = units.length;
  let i = start;
  let line = state.line;
  let rowStart = i;
  try {
    while (i < n) {
      if (state.header) {
        state.header = false;
        i = pastLineEnd(at, i, n);
        line++;
        continue;
      }
      rowStart = i;
      // an empty line, or a row of only delimiters (Excel's `;;;;`), is passed over
      const k = pastDelimiters(at, i, n, delim);
      if (k >= n || at(k) === 10 || at(k) === 13) {
        i = pastLineEnd(at, k, n);
        line++;
        continue;
      }
      for (let j = 0; j < width; j++) {
        if (numeric[j]) i = scanNumberCell(at, i, n, delim, points[j]!, j, body, decode, line);
        else {
          const end = cellEnd(at, i, n, delim);
          pushText(j, i, end);
          i = end;
        }
        if (j < width - 1) {
          if (at(i) !== delim) body.tooFewCells(line, j + 1, i < n && hasMore(at, i, n));
          i++;
        }
      }
      body.endRow(line);
      checkRowEnd(at, i, n, rowStart, delim, width, body, line);
      i = pastLineEnd(at, i, n);
      line++;
    }
  } catch (error) {
    throw raggedRow(error, at, rowStart, n, delim, width, body, line);
  }
  state.line = line;
}

/**
 * The error to raise for `error`, thrown on `line` (which starts at `rowStart`): a cell that is not a number, in a
 * row with a cell too many, is the row's raggedness (`body.tooManyCells` throws it); any other error as it is.
 */
function raggedRow(
  error: unknown,
  at: (i: number) => number,
  rowStart: number,
  n: number,
  delim: number,
  width: number,
  body: BodyBuilder,
  line: number,
): unknown {
  if (error instanceof OmvarldError && error.code === "PARSE" && error.line === line) {
    const cells = countCells(at, rowStart, n, delim);
    if (cells > width) body.tooManyCells(line, cells);
  }
  return error;
}

/** The offset past the rest of the line at `i` and its end (CRLF, LF or a lone CR): `a,b\r\nc` from 0 → 5. */
function pastLineEnd(at: (i: number) => number, i: number, n: number): number {
  while (i < n && at(i) !== 10 && at(i) !== 13) i++;
  if (at(i) === 13) {
    i++;
    if (at(i) === 10) i++;
  } else if (at(i) === 10) i++;
  return i;
}

/** The offset of the first character at or after `i` that is not the delimiter: `;;;x` from 0 → 3. */
function pastDelimiters(at: (i: number) => number, i: number, n: number, delim: number): number {
  while (i < n && at(i) === delim) i++;
  return i;
}

/** The end of the text cell that starts at `i`: the offset of the next delimiter, line end or the input's end. */
function cellEnd(at: (i: number) => number, i: number, n: number, delim: number): number {
  let c = at(i);
  while (i < n && c !== delim && c !== 10 && c !== 13) c = at(++i);
  return i;
}

/**
 * Reads the number cell of column `j` that starts at `i` into `body` and returns the offset of its end. The value
 * is accumulated digit by digit (`-12.5` → mantissa 125, scale 1 → -125 / 10¹); a cell that is not a plain number
 * of at most 15 digits goes to `body.symbol` as its text.
 */
function scanNumberCell(
  at: (i: number) => number,
  i: number,
  n: number,
  delim: number,
  point: number,
  j: number,
  body: BodyBuilder,
  decode: (start: number, end: number) => string,
  line: number,
): number {
  const cellStart = i;
  let c = at(i);
  const negative = c === 45;
  if (negative || c === 43) c = at(++i);
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let seenPoint = false;
  // (a decimal comma in a comma-delimited file is quoted: unquoted, the comma ends the cell)
  for (;;) {
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (seenPoint) scale++;
    } else if (c === point && !seenPoint && c !== delim) seenPoint = true;
    else break;
    c = at(++i);
  }
  if (i < n && c !== delim && c !== 10 && c !== 13) {
    // not a plain number: find the end of the cell and take the slow road
    while (i < n && c !== delim && c !== 10 && c !== 13) c = at(++i);
    body.symbol(j, decode(cellStart, i), line);
  } else if (digits === 0 || digits > 15) {
    body.symbol(j, decode(cellStart, i), line);
  } else {
    const value = scale === 0 ? mantissa : mantissa / 10 ** scale;
    body.plain(j, negative ? -value : value);
  }
  return i;
}

/**
 * The checks at the end of a row's last cell (offset `i`): cells beyond the header's may only be empty (Excel's
 * trailing `;`, which sets `body.trailing`); in a file whose lines end in a delimiter, a row that ends in one right
 * after width - 1 cells lacks a cell.
 */
function checkRowEnd(
  at: (i: number) => number,
  i: number,
  n: number,
  rowStart: number,
  delim: number,
  width: number,
  body: BodyBuilder,
  line: number,
): void {
  if (at(i) === delim) {
    const cells = countCells(at, rowStart, n, delim);
    if (cells > width) body.tooManyCells(line, cells);
    body.trailing = true;
  } else {
    if (body.expectTrailing && at(i - 1) === delim && !(i < n && at(i) !== 10 && at(i) !== 13))
      body.tooFewCells(line, width - 1, hasMore(at, i, n));
    body.trailing = false;
  }
}

/** The cells of the line that starts at `start`, up to its last non-empty one. */
function countCells(at: (i: number) => number, start: number, n: number, delim: number): number {
  let cells = 1;
  let filled = 0;
  for (let k = start; k < n; k++) {
    const c = at(k);
    if (c === 10 || c === 13) break;
    if (c === delim) cells++;
    else if (c !== 32 && c !== 9) filled = cells;
  }
  return filled;
}

/** True when anything but line ends and blanks follows offset `i`. */
function hasMore(at: (i: number) => number, i: number, n: number): boolean {
  let k = i;
  while (k < n && at(k) !== 10 && at(k) !== 13) k++;
  for (; k < n; k++) {
    const c = at(k);
    if (c !== 10 && c !== 13 && c !== 32 && c !== 9) return true;
  }
  return false;
}

/**
 * The general pass: the tokenizer handles quotes, doubled quotes and line breaks inside quoted cells. `text` is the
 * whole input (`final`) or one chunk of it that ends at a record end; `state` carries the line number of `text[0]`
 * and whether the header row is still to come from one chunk to the next.
 */
function scanQuoted(
  text: string,
  offset: number,
  delimiter: string,
  width: number,
  body: BodyBuilder,
  state: { line: number; header: boolean },
  final: boolean,
): void {
  const starts = new Int32Array(width + 64);
  const ends = new Int32Array(width + 64);
  const escapedFlags = new Uint8Array(width + 64);
  const base = state.line - 1;
  const sink: CellSink = {
    cell(column, start, end, _quoted, escaped) {
      if (column < starts.length) {
        starts[column] = start;
        ends[column] = end;
        escapedFlags[column] = escaped ? 1 : 0;
      }
    },
    row(chunkLine, cells) {
      if (state.header) {
        state.header = false;
        return;
      }
      const line = base + chunkLine;
      let empty = true;
      for (let j = 0; j < Math.min(cells, starts.length); j++) {
        if (ends[j]! > starts[j]!) {
          empty = false;
          break;
        }
      }
      if (empty) return;
      if (cells < width)
        body.tooFewCells(line, cells, !final || ends[Math.min(cells, starts.length) - 1]! < text.trimEnd().length - 1);
      body.trailing = cells > width;
      if (body.expectTrailing && cells === width && ends[width - 1] === starts[width - 1])
        body.tooFewCells(line, width - 1, true);
      for (let j = width; j < cells; j++) {
        if (j >= starts.length || text.slice(starts[j]!, ends[j]!).trim() !== "") body.tooManyCells(line, cells);
      }
      for (let j = 0; j < width; j++) {
        const start = starts[j]!;
        const end = ends[j]!;
        const s = body.strings[j];
        if (s) {
          if (escapedFlags[j]) {
            const cell = text.slice(start, end).replaceAll('""', '"').trim();
            s.push(cell === "" ? null : cell);
          } else s.pushSpan(text, start, end);
        } else body.number(j, text, start, end, line);
      }
      body.endRow(line);
    },
  };
  tokenize(text, delimiter, sink, offset, (line) => {
    throw new OmvarldError(
      "FILE_TRUNCATED",
      "a quoted cell is never closed",
      { line: base + line },
      "the file may be cut off",
    );
  });
  if (!final) state.line += lineEnds(text);
}

/** The line ends (LF, CRLF or a lone CR) in `text`, found natively. */
function lineEnds(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  if (text.indexOf("\r") < 0) return count;
  // lone CRs: a CR not followed by LF
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) count++;
  return count;
}

/** Parses one plain number from a span without copying it; NaN when the span is anything else. */
function parseSpan(text: string, start: number, end: number, point: number): number {
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
