import { OmvarldError } from "../../errors.ts";
import { parseRegionLabel } from "../../regions/labels.ts";
import { type Column, NumberColumn, StringColumn, StringColumnBuilder } from "../../table/column.ts";
import { type Role, Table } from "../../table/table.ts";
import { sniffDialect } from "../csv/dialect.ts";
import { type Body, type Chunk, type ColumnPlan, readBody, type Source } from "../csv/body.ts";
import { decoderFor, type Encoding } from "../decode.ts";
import { splitRows } from "../csv/tokenize.ts";
import { recordPieces } from "../csv/chunks.ts";
import { canonicalDimension, splitPeriodHeader } from "../dimensions.ts";
import { normalise } from "../tidy.ts";
import { isMissingSymbol, parseCell } from "../values.ts";
import { visible } from "../visible.ts";
import { repairText } from "../repair.ts";
import { shortLastGroup } from "../csv/cut.ts";
import {
  detectNumberFormat,
  type FormatOutcome,
  groupingEvidence,
  type GroupingEvidence,
  isNumberInSomeFormat,
  type NumberFormat,
} from "../csv/numbers.ts";

export interface CsvOptions {
  file?: string | undefined;
  /** Force a delimiter instead of sniffing it. */
  delimiter?: string;
  /** Force decimal comma (true) or point (false) instead of sniffing it. */
  decimalComma?: boolean;
}

const SAMPLE_ROWS = 2000;
const TEXT_DIMENSIONS = new Set(["region", "region_name", "sex", "contents"]);

/**
 * Reads delimited text as agencies and their users save it: SCB/SSB PxWeb CSV (wide, one column per year, or long),
 * with or without a title line; SSB statbank CSV with decimal comma; Excel re-saves; plain tidy CSV.
 * Returns a tidy table: dimensions, `year`, and a `value` measure (or several named measures), with a `status`
 * column where a cell held a symbol such as `..` instead of a number.
 */
export function readCsv(text: string, options: CsvOptions = {}): Table {
  const repaired = repairText(text);
  const { text: clean, warnings } = dropRepeatedHeaders(repaired.text);
  return readDelimited(clean, (headerOffset) => ({ text: clean, offset: headerOffset }), options).withWarnings(
    ...repaired.warnings,
    ...warnings,
  );
}

/**
 * The header line repeated further down (two exports joined, a copy pasted with its header) is blanked, keeping its
 * line end so that line numbers stay those of the file, and named in a warning. Looks for the header's exact text
 * at the start of a line: one search through the text per repeat.
 */
function dropRepeatedHeaders(text: string): { text: string; warnings: string[] } {
  const { headerOffset } = sniffDialect(text);
  let end = headerOffset;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  const header = text.slice(headerOffset, end);
  if (header.trim() === "") return { text, warnings: [] };
  const cuts: [number, number][] = [];
  for (let at = text.indexOf(header, end); at >= 0; at = text.indexOf(header, at + header.length)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + header.length);
    if ((before === 10 || before === 13) && (Number.isNaN(after) || after === 10 || after === 13))
      cuts.push([at, at + header.length]);
  }
  if (cuts.length === 0) return { text, warnings: [] };
  let out = "";
  let from = 0;
  for (const [a, b] of cuts) {
    out += text.slice(from, a);
    from = b;
  }
  out += text.slice(from);
  const first = text.slice(0, cuts[0]![0]).split(/\r\n|\r|\n/).length;
  return {
    text: out,
    warnings: [
      `the header line is repeated ${cuts.length === 1 ? "once" : `${cuts.length} times`} (first at line ${first}); the repeat${cuts.length === 1 ? " was" : "s were"} passed over`,
    ],
  };
}

/**
 * Reads a CSV without quotes from bytes, in chunks that end at line ends, decoding only the distinct text values,
 * so that a large file is never held as one string. `head` is the decoded start of the file (from after the BOM),
 * enough to sniff the dialect and the column types; `chunks(headerOffset)` yields the data from the header row on,
 * where `headerOffset` counts the characters of `head` before the header (blank lines: ASCII, so also bytes).
 */
export function readCsvChunks(
  head: string,
  chunks: (headerOffset: number) => Iterable<Chunk>,
  size: number,
  options: CsvOptions = {},
  parallel?: ParallelBody,
): Table {
  return repairLabels(
    readDelimited(head, (headerOffset) => ({ chunks: chunks(headerOffset), size }), options, parallel),
  );
}

/**
 * Reads delimited text whose head (its start, at least the sample's rows) is text and whose body is read by `body`
 * (see `bodyFromSpans`); `rest(headerOffset)` gives the whole text where `body` declines (undefined).
 *
 * @example
 * readCsvWithBody(head, (offset, delimiter, plans) => bodyFromSpans(plans, file, delimiter, n, fill), wholeText);
 */
export function readCsvWithBody(head: string, body: ParallelBody, rest: () => string, options: CsvOptions = {}): Table {
  return readDelimited(head, (headerOffset) => ({ text: rest(), offset: headerOffset }), options, body);
}

/**
 * Reads the data rows on several threads where it can (`omvarld/node`, for a large file): given where the header
 * row starts (characters of the head), the delimiter and the column plans; undefined to read them in one pass.
 */
export type ParallelBody = (
  headerOffset: number,
  delimiter: string,
  plans: ColumnPlan[],
  trailing: boolean,
) => Body | undefined;

/** Text read in chunks is never one string: double-encoded labels are repaired in the columns' dictionaries. */
function repairLabels(table: Table): Table {
  let out = table;
  const warnings: string[] = [];
  for (const field of table.schema) {
    const column = table.column(field.name);
    if (column.type !== "string") continue;
    const repaired = column.dictionary.map((d) => repairText(d));
    if (!repaired.some((r) => r.warnings.length > 0)) continue;
    const map = new Map(column.dictionary.map((d, k) => [d, repaired[k]!.text]));
    out = out.withColumn(
      field.name,
      column.mapValues((d) => map.get(d)!),
      field.role,
    );
    warnings.push(
      `text encoded twice (UTF-8 read as Latin-1 and saved again) was repaired in column "${field.name}", e.g. ${repaired.find((r) => r.warnings.length > 0)!.warnings[0]!.replace(/^.*e\.g\. /, "")}`,
    );
  }
  return warnings.length > 0 ? out.withWarnings(...warnings) : out;
}

/**
 * Reads a CSV from one array of bytes (see `readCsvChunks`): without quotes as one chunk; with quotes in pieces of
 * 16 MiB that end at record ends, each decoded on its own, so that no string approaches V8's limit (2^29 chars).
 */
export function readCsvBytes(bytes: Uint8Array, encoding: Encoding, bom: number, options: CsvOptions = {}): Table {
  const decoder = decoderFor(encoding);
  let headEnd = Math.min(bytes.length, bom + (1 << 20));
  if (headEnd < bytes.length) headEnd = bytes.lastIndexOf(10, headEnd) + 1 || headEnd;
  const head = decoder.decode(bytes.subarray(bom, headEnd));
  return readCsvChunks(
    head,
    function* (headerOffset) {
      // the header's offset counts characters of the head: bytes in Windows-1252, more of them in UTF-8
      const start = encoding === "windows-1252" ? headerOffset : utf8Length(head, headerOffset);
      const data = bytes.subarray(bom + start);
      const pieces = data.indexOf(0x22) < 0 ? [data] : recordPieces(data, QUOTED_PIECE);
      let done = 0;
      for (const piece of pieces) {
        done += piece.length;
        yield { bytes: piece, decode: (s, e) => decoder.decode(piece.subarray(s, e)), final: done === data.length };
      }
    },
    bytes.length,
    options,
  );
}

const QUOTED_PIECE = 1 << 24;

/** Bytes that the first `chars` characters of `text` take in UTF-8. */
function utf8Length(text: string, chars: number): number {
  return new TextEncoder().encode(text.slice(0, chars)).length;
}

/** `head`: the text, or its first part, for sniffing; `source(headerOffset)`: the data from the header row on. */
function readDelimited(
  head: string,
  source: (headerOffset: number) => Source,
  options: CsvOptions,
  parallel?: ParallelBody,
): Table {
  const file = options.file;
  const dialect = sniffDialect(head);
  const delimiter = options.delimiter ?? dialect.delimiter;
  const sample = splitRows(sliceLines(head, dialect.headerOffset, SAMPLE_ROWS + 1), delimiter);
  const headerRow = sample[0];
  if (!headerRow || headerRow.cells.every((c) => c === "")) {
    throw new OmvarldError("FORMAT_UNKNOWN", "no header row found", { file }, "the file looks empty");
  }
  const headers = headerRow.cells.map((h) => h.trim());
  const body = sample.slice(1).filter((r) => r.cells.some((c) => c.trim() !== ""));
  // writers that quote every cell (Excel's quote-all) quote the numbers too: there quotes say nothing, and the
  // columns are typed as in the file without them
  const allQuoted = body.length > 0 && body.every((r) => r.cells.every((c, j) => c === "" || r.quoted[j]));
  const plans: ColumnPlan[] = headers.map((header, j) => ({
    header,
    numeric: isNumericColumn(
      header,
      body.map((r) => ({ text: r.cells[j] ?? "", quoted: !allQuoted && (r.quoted[j] ?? false) })),
      delimiter,
    ),
  }));
  const formatWarnings = planFormats(plans, body, headerRow.line, options);
  // a trailing empty column (Excel writes `a;b;` ) is dropped
  while (plans.length > 1 && plans.at(-1)!.header === "" && body.every((r) => (r.cells[plans.length - 1] ?? "") === ""))
    plans.pop();
  if (plans.length < 2) {
    throw new OmvarldError(
      "FORMAT_UNKNOWN",
      "no delimiter found: every line is one cell",
      { file, line: headerRow.line },
      "expected a CSV with commas, semicolons or tabs, a PX file, JSON-stat or a Eurostat TSV",
    );
  }
  if (!plans.some((p) => p.numeric)) {
    throw new OmvarldError(
      "FORMAT_UNKNOWN",
      `no column holds numbers (the header is ${headers
        .slice(0, 4)
        .map((h) => JSON.stringify(h))
        .join(", ")}${headers.length > 4 ? ", ..." : ""})`,
      { file, line: headerRow.line },
      "is this a statistics export? a table of codes or names cannot be read as data",
    );
  }

  const trailing =
    headerRow.cells.length > plans.length && headerRow.cells.slice(plans.length).every((c) => c.trim() === "");
  const parsed =
    parallel?.(dialect.headerOffset, delimiter, plans, trailing) ??
    readBody(source(dialect.headerOffset), delimiter, plans, file, trailing);
  if (parsed.rows === 0) {
    throw new OmvarldError("FILE_TRUNCATED", "the file has a header but no data rows", {
      file,
      line: headerRow.line + 1,
    });
  }
  const table = interpret(parsed, plans, { file, title: dialect.title }).withWarnings(...formatWarnings);
  if (parsed.unterminated !== null) refuseShortLastGroup(table, parsed.unterminated, file);
  return table.withProvenance({
    format: "csv",
    delimiter,
    ...(dialect.title ? { title: dialect.title } : {}),
  });
}

/** A file without a final line break whose last row leaves its group shorter than every other is cut: refused. */
function refuseShortLastGroup(table: Table, line: number, file: string | undefined): void {
  const short = shortLastGroup(table);
  if (!short) return;
  throw new OmvarldError(
    "FILE_TRUNCATED",
    `line ${line}, the last, has no line break, and its group (${visible(short.group, 60)}) has ${short.have} ${short.dimension} value${short.have === 1 ? "" : "s"} where every other group has ${short.full}`,
    { file, line },
    "the file is cut off; download or save it again (if it is complete, end it with a line break)",
  );
}

function sliceLines(text: string, offset: number, lines: number): string {
  let count = 0;
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))
      if (++count === lines) return text.slice(offset, i + 1);
  }
  return text.slice(offset);
}

/**
 * The number format of each number column, from the sample: the decimal and grouping marks must be the same down
 * a column. A mark that could be either (`1.234`, `15.500`: one mark, three digits after it) is settled by the
 * column's other cells (`1.5`, `0.250` or `1234.5` make the point decimal, and so does `1234`, a long number written
 * without a separator; `1.234.567` makes it a separator), then by the file's other columns (a decimal comma
 * elsewhere makes the point a separator; a point that groups elsewhere groups here too; a decimal point elsewhere
 * makes it decimal), then by the `decimalComma` option. Anything still open is refused: a comma-delimited file
 * settles nothing, as its numbers may still group thousands with a point (`15.500`).
 *
 * A column whose cells with the mark all have three digits after it, beside whole numbers below 1000 written
 * without it (`255.122` beside `200`: a spreadsheet's thousands separator), is never read as decimals on the
 * strength of another column: it is read as grouped where a cell keeps a trailing zero no decimal has (`75.780`,
 * see `groupingEvidence`), with a warning, and refused otherwise, naming the cells. Returns the warnings.
 */
function planFormats(plans: ColumnPlan[], body: SampleRow[], headerLine: number, options: CsvOptions): string[] {
  const file = options.file;
  const asked = options.decimalComma === undefined ? null : options.decimalComma ? "," : ".";
  const found = plans.map((p, j) => (p.numeric ? sampleFormat(p, j, body, asked, file) : null));
  // the file's decimal mark, where its columns agree on one
  const marks = new Set(found.flatMap((f) => (f?.outcome.format.decimal ? [f.outcome.format.decimal] : [])));
  const fileMark = asked ?? (marks.size === 1 ? [...marks][0]! : null);
  const groupMarks = groupMarksOf(found, fileMark);
  const context: FileFormats = { plans, found, fileMark, groupMarks, headerLine, file };
  // the columns read as grouped on the strength of a trailing zero (here or in another column)
  const byZero: string[] = [];
  plans.forEach((p, j) => {
    const f = found[j];
    if (!f) return;
    const { format, grouped } = settleColumn(p, j, f, context);
    if (grouped) byZero.push(p.header);
    p.format = format;
    p.fileMarks = {
      decimal: fileMark,
      group: groupMarks.size === 1 ? [...groupMarks][0]! : null,
    };
  });
  return byZeroWarnings(found, groupMarks, byZero);
}

/** A number column's sample: its format as its cells show it, the cells and their lines, and an open mark. */
interface SampledFormat {
  outcome: Extract<FormatOutcome, { ok: true }>;
  cells: string[];
  lines: number[];
  /** The mark of the column's ambiguous cell ("1.234" → "."), null when none is. */
  open: "." | "," | null;
  evidence: GroupingEvidence | null;
}

/** What the columns of the file show together, for settling one column (see `settleColumn`). */
interface FileFormats {
  plans: ColumnPlan[];
  found: (SampledFormat | null)[];
  fileMark: "." | "," | null;
  groupMarks: Set<"." | ",">;
  headerLine: number;
  file: string | undefined;
}

/**
 * The number format of column `j` from its sample cells (blank and missing cells skipped): two cells that mix
 * formats (`1,5` after `2.5`) are an error naming the second's line.
 */
function sampleFormat(
  p: ColumnPlan,
  j: number,
  body: SampleRow[],
  asked: "." | "," | null,
  file: string | undefined,
): SampledFormat {
  const cells: string[] = [];
  const lines: number[] = [];
  for (const r of body) {
    const t = (r.cells[j] ?? "").trim();
    if (t === "" || isMissingSymbol(t)) continue;
    cells.push(t);
    lines.push(r.line);
  }
  const outcome = detectNumberFormat(cells, asked);
  if (!outcome.ok) {
    const [a, b] = outcome.conflict;
    const first = a.row < 0 ? a.cell : `"${visible(a.cell)}" at line ${lines[a.row]}`;
    throw new OmvarldError(
      "PARSE",
      `column "${p.header}" mixes number formats: found "${visible(b.cell)}" after ${first}`,
      { file, line: lines[b.row], column: j + 1 },
      "a column must use one decimal mark and one thousands separator throughout; pass decimalComma to choose the decimal mark",
    );
  }
  const open = outcome.ambiguous === null ? null : markOf(outcome.ambiguous);
  return { outcome, cells, lines, open, evidence: open ? groupingEvidence(cells, open) : null };
}

/**
 * The marks that group thousands in the file: shown by a column's own cells (`1.234.567`), or by a trailing zero
 * in a grouped-looking column (`75.780`) where the file's decimal mark is not that mark.
 */
function groupMarksOf(found: readonly (SampledFormat | null)[], fileMark: "." | "," | null): Set<"." | ","> {
  const groupMarks = new Set<"." | ",">();
  for (const f of found) {
    const group = f ? f.outcome.format.group : null;
    if (group === "." || group === ",") groupMarks.add(group);
    if (f?.open && f.evidence?.zero && fileMark !== f.open) groupMarks.add(f.open);
  }
  return groupMarks;
}

/**
 * Where the file shows `mark` in `role`: the first column and cell, for messages (`column "rate" ("1.5" at line
 * 3)`); null when no column does.
 */
function shownAs(
  found: readonly (SampledFormat | null)[],
  plans: ColumnPlan[],
  mark: "." | ",",
  role: "decimal" | "group",
) {
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    if (!f || f.outcome.format[role] !== mark) continue;
    const at = f.cells.findIndex((c) => c.includes(mark));
    if (at >= 0) return `column "${plans[k]!.header}" ("${visible(f.cells[at]!)}" at line ${f.lines[at]})`;
  }
  return null;
}

/**
 * Settles column `j`'s format against the file's: an open mark groups where the file's decimal mark is the other
 * one or the mark groups elsewhere, and is decimal where the file's decimal mark is it (an error where the column
 * looks grouped, see `planFormats`); still open, it is an error. `grouped`: the column was read as grouped on the
 * strength of a trailing zero alone.
 */
function settleColumn(
  p: ColumnPlan,
  j: number,
  f: SampledFormat,
  ff: FileFormats,
): { format: NumberFormat; grouped: boolean } {
  const { fileMark, groupMarks } = ff;
  let { format, ambiguous } = f.outcome;
  let grouped = false;
  const mark = f.open;
  if (ambiguous !== null && mark !== null) {
    const other = mark === "." ? "," : ".";
    let reading: "decimal" | "group" | null = null;
    if (fileMark === other || (groupMarks.has(mark) && fileMark !== mark)) reading = "group";
    else if (f.evidence && fileMark === mark) groupedBesideDecimal(p, j, f, f.evidence, mark, ff);
    else if (fileMark === mark) reading = "decimal";
    if (reading !== null) {
      ({ format, ambiguous } = settle(
        detectNumberFormat(f.cells, reading === "decimal" ? { ...format, decimal: mark } : { ...format, group: mark }),
      ));
      grouped = reading === "group" && fileMark !== other && !shownAs(ff.found, ff.plans, mark, "group");
    }
  }
  if (ambiguous !== null) stillAmbiguous(p, j, f, ambiguous, ff);
  // a column that has shown no decimal takes the file's where its grouping rules out the other reading; where
  // nothing is known, the mark is decided when the column first shows one (see `fileMarks`)
  if (format.decimal === null && fileMark !== null && format.group !== fileMark && format.group !== null)
    format = { ...format, decimal: fileMark };
  return { format, grouped };
}

/** The error for a column that looks grouped (`255.122` beside `200`) in a file whose decimal mark is that mark. */
function groupedBesideDecimal(
  p: ColumnPlan,
  j: number,
  f: SampledFormat,
  evidence: GroupingEvidence,
  mark: "." | ",",
  ff: FileFormats,
): never {
  const row = f.cells.indexOf(evidence.marked);
  throw new OmvarldError(
    "PARSE",
    `column "${p.header}" is ambiguous: "${visible(evidence.marked)}" may be ${readingsOf(evidence.marked)}; its cells with a "${mark}" all have three digits after it, beside whole numbers such as "${visible(evidence.whole)}" (as when "${mark}" groups thousands), but ${shownAs(ff.found, ff.plans, mark, "decimal") ?? "another column"} uses "${mark}" as the decimal mark`,
    { file: ff.file, line: f.lines[row] ?? ff.headerLine, column: j + 1 },
    `pass decimalComma: ${mark === "." ? "false" : "true"} if "${mark}" is the decimal mark here too; if it groups thousands, the file mixes two number formats: save the column without thousands separators`,
  );
}

/** The error for a column whose mark nothing settles (`1.234` may be 1.234 or 1234). */
function stillAmbiguous(p: ColumnPlan, j: number, f: SampledFormat, ambiguous: string, ff: FileFormats): never {
  const row = f.cells.indexOf(ambiguous);
  const m = markOf(ambiguous);
  const whole = f.evidence
    ? `; whole numbers such as "${visible(f.evidence.whole)}" beside it suggest that "${m}" groups thousands, but no cell settles it`
    : `, and no cell of the column settles whether "${m}" is the decimal mark or groups thousands`;
  throw new OmvarldError(
    "PARSE",
    `column "${p.header}" is ambiguous: "${visible(ambiguous)}" may be ${readingsOf(ambiguous)}${whole}`,
    { file: ff.file, line: f.lines[row] ?? ff.headerLine, column: j + 1 },
    m === "."
      ? "pass decimalComma: false if the point is the decimal mark, true if it groups thousands"
      : "pass decimalComma: true if the comma is the decimal mark, false if it groups thousands",
  );
}

/** The warning that names the columns read as grouped on the strength of a trailing zero; none when there are none. */
function byZeroWarnings(
  found: readonly (SampledFormat | null)[],
  groupMarks: Set<"." | ",">,
  byZero: string[],
): string[] {
  const first = found.find((f) => f?.evidence?.zero && groupMarks.has(f.open!))?.evidence;
  if (byZero.length === 0 || !first) return [];
  const mark = markOf(first.marked);
  const zero = first.zero!;
  return [
    `"${mark}" is read as a thousands separator in ${byZero.length === 1 ? "column" : "columns"} ${byZero
      .map((h) => `"${h}"`)
      .join(
        ", ",
      )} ("${visible(first.marked)}" as ${first.marked.replace(mark, "")}): whole numbers such as "${visible(first.whole)}" are written without it, and "${visible(zero)}" keeps a trailing zero no decimal would have (pass decimalComma: ${mark === "." ? "false" : "true"} if "${mark}" is the decimal mark)`,
  ];
}

/** The mark of an ambiguous cell ("1.234" → "."). */
function markOf(cell: string): "." | "," {
  return cell.includes(".") ? "." : ",";
}

/** The two readings of an ambiguous cell: `1.234 or 1234`. */
function readingsOf(cell: string): string {
  return markOf(cell) === "."
    ? `${cell} or ${cell.replace(".", "")}`
    : `${cell.replace(",", ".")} or ${cell.replace(",", "")}`;
}

function settle(outcome: FormatOutcome): { format: NumberFormat; ambiguous: string | null } {
  if (!outcome.ok) throw new Error("unreachable: a settled format conflicts");
  return { format: outcome.format, ambiguous: outcome.ambiguous };
}

interface SampleRow {
  cells: string[];
  quoted: boolean[];
  line: number;
}

/**
 * A column is read as numbers when its sample holds numbers (or only dashes and dots) and no quoted cell (a label),
 * except a number quoted because it holds the delimiter (`"0,6"` in a comma-delimited file).
 */
function isNumericColumn(header: string, cells: { text: string; quoted: boolean }[], delimiter: string): boolean {
  const canonical = canonicalDimension(header);
  if (TEXT_DIMENSIONS.has(canonical)) return false;
  // a status column written by omvarld or an agency (`status`, `value_status`) holds the symbols themselves
  if (canonical === "status" || canonical.endsWith("_status")) return false;
  let numbers = 0;
  let invalid = 0;
  let symbols = 0;
  for (const { text, quoted } of cells) {
    const t = text.trim();
    if (t === "") continue;
    if (quoted && !(t.includes(delimiter) && isNumberInSomeFormat(t))) return false;
    if (isMissingSymbol(t)) {
      if (!/^[xX*]$/.test(t)) symbols++;
      continue;
    }
    if (/^[+-]?0\d/.test(t)) return false; // "0114": a code, not a number
    if (isNumberInSomeFormat(t)) numbers++;
    else if (parseCell(t).status === "invalid" && parseCell(t, true).status === "invalid") invalid++;
    else numbers++;
  }
  // a few bad cells in a column of numbers are errors to report, not a reason to read the column as text;
  // under a period header ("2017") numbers are expected, so any majority of numbers will do; a column of only
  // dashes, dots or colons ("-" for zero, ".." for missing) is a number column with no number known
  const period = splitPeriodHeader(header) !== null;
  return invalid <= (period ? numbers : numbers / 10) && (numbers > 0 || period || (symbols > 0 && invalid === 0));
}

interface InterpretContext {
  file: string | undefined;
  title: string | null;
}

/** Turns the parsed columns into a tidy table: melt period columns, name the dimensions, split region labels. */
function interpret(parsed: Body, plans: ColumnPlan[], context: InterpretContext): Table {
  const { columns, status } = parsed;
  let lineOf = parsed.lineOf;
  const headers = uniqueNames(plans.map((p) => p.header));
  const periodColumns: number[] = [];
  const textColumns: number[] = [];
  const otherNumbers: number[] = [];
  plans.forEach((p, j) => {
    if (!p.numeric) textColumns.push(j);
    else if (splitPeriodHeader(p.header)) periodColumns.push(j);
    else otherNumbers.push(j);
  });
  const names = new Map<number, string>();
  for (const j of [...textColumns, ...otherNumbers]) names.set(j, canonicalDimension(headers[j]!));
  resolveClashes(names, headers, columns);
  // the region column: by name, else the first text column whose cells carry region codes (not in a table of flows)
  if (![...names.values()].some((n) => n === "region" || n === "origin" || n === "destination")) {
    const j = textColumns.find((k) => looksLikeRegions(columns[k] as StringColumn));
    if (j !== undefined) names.set(j, "region");
  }
  const columnOf: Record<string, number> = {};
  for (const [j, name] of names) columnOf[name] = j + 1;
  const warnings: string[] = [...parsed.warnings];
  let table: Table;
  if (periodColumns.length > 0) {
    for (const j of otherNumbers) warnings.push(`column "${headers[j]}" is not per period and was left out`);
    const melted = meltPeriods(parsed, periodColumns, textColumns, names, plans);
    table = melted.table;
    lineOf = (row) => parsed.lineOf(melted.index[row]!);
    const prefixes = new Set(periodColumns.map((j) => splitPeriodHeader(plans[j]!.header)!.prefix));
    const label = prefixes.size === 1 ? [...prefixes][0]! : "";
    if (label) table = table.withProvenance({ measure: label });
    columnOf.year = (periodColumns[0] ?? 0) + 1;
  } else {
    const map = new Map<string, Column>();
    const roles: Record<string, Role> = {};
    for (const j of textColumns) {
      map.set(names.get(j)!, columns[j]!);
      roles[names.get(j)!] = "dimension";
    }
    const measures = otherNumbers.filter((j) => !["year", "age"].includes(names.get(j)!));
    for (const j of otherNumbers) {
      const name = names.get(j)!;
      if (name === "year" || name === "age") {
        map.set(name, columns[j]!);
        roles[name] = "dimension";
      }
    }
    // one measure whose header is a label rather than a name ("Antal personer"; SSB puts the table title there)
    // becomes "value", and the label goes to the provenance
    const single = measures.length === 1 && !/^[\p{L}_][\p{L}\d_]*$/u.test(headers[measures[0]!]!);
    for (const j of measures) {
      const name = single ? "value" : headers[j]!;
      map.set(name, columns[j]!);
      roles[name] = "measure";
      const flags = status[j];
      if (flags) map.set(measures.length === 1 ? "status" : `${name}_status`, flags);
    }
    table = new Table(map, { roles });
    if (single) {
      const label = headers[measures[0]!]!;
      table = table.withProvenance(label.length > 30 ? { title: label, measure: label } : { measure: label });
    }
  }
  return normalise(table, { file: context.file, lineOf, columnOf }).withWarnings(...warnings);
}

/**
 * Two headers can map to one canonical name ("region" with names beside "region_code" with codes). The column
 * whose cells look most like region codes keeps "region" and a region column of names becomes "region_name";
 * any other clash keeps the later column's own header.
 */
function resolveClashes(names: Map<number, string>, headers: string[], columns: Column[]): void {
  const byName = new Map<string, number[]>();
  for (const [j, name] of names) (byName.get(name) ?? byName.set(name, []).get(name)!).push(j);
  for (const [name, js] of byName) {
    if (js.length < 2) continue;
    const score = (j: number) => {
      const c = columns[j]!;
      return c.type === "string"
        ? c.dictionary.filter((d) => parseRegionLabel(d) !== null).length / Math.max(1, c.dictionary.length)
        : 0;
    };
    const ranked = name === "region" ? [...js].sort((a, b) => score(b) - score(a)) : js;
    for (const j of ranked.slice(1)) {
      const own = headers[j]!;
      const taken = new Set(names.values());
      names.set(
        j,
        name === "region" && !taken.has("region_name")
          ? "region_name"
          : own === name || taken.has(own)
            ? `${own}_${j + 1}`
            : own,
      );
    }
  }
}

function uniqueNames(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h, j) => {
    const base = h === "" ? `column${j + 1}` : h;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}

function looksLikeRegions(column: StringColumn): boolean {
  const labels = column.dictionary;
  if (labels.length === 0) return false;
  const coded = labels.filter((l) => {
    const r = parseRegionLabel(l);
    return r !== null && r.name !== null;
  }).length;
  return coded / labels.length >= 0.8;
}

/** Wide → long over the period columns; several contents ("Folkmängd 2019", "Folkökning 2019") give a `contents` dimension. */
function meltPeriods(
  parsed: Body,
  periodColumns: number[],
  textColumns: number[],
  names: Map<number, string>,
  plans: ColumnPlan[],
): { table: Table; index: Int32Array } {
  const { columns, rows: n } = parsed;
  const parts = periodColumns.map((j) => ({ j, ...splitPeriodHeader(plans[j]!.header)! }));
  const prefixes = [...new Set(parts.map((p) => p.prefix))];
  const total = n * parts.length;
  const index = new Int32Array(total);
  for (let k = 0; k < parts.length; k++) for (let i = 0; i < n; i++) index[k * n + i] = i;
  const map = new Map<string, Column>();
  const roles: Record<string, Role> = {};
  for (const j of textColumns) {
    map.set(names.get(j)!, columns[j]!.take(index));
    roles[names.get(j)!] = "dimension";
  }
  if (prefixes.length > 1) {
    const b = new StringColumnBuilder(total);
    for (const p of parts) for (let i = 0; i < n; i++) b.push(p.prefix);
    map.set("contents", b.finish());
    roles.contents = "dimension";
  }
  const year = new StringColumnBuilder(total);
  for (const p of parts) for (let i = 0; i < n; i++) year.push(p.period.period ?? String(p.period.year));
  map.set("year", year.finish());
  roles.year = "dimension";
  const values = new Float64Array(total);
  // the status column only when some cell had a symbol: most exports have none, and it is one slot per row
  let status: (string | null)[] | null = null;
  parts.forEach((p, k) => {
    const column = columns[p.j]!;
    if (column.type === "number") values.set(column.values, k * n);
    const s = parsed.status[p.j];
    if (s) {
      status ??= new Array<string | null>(total).fill(null);
      for (let i = 0; i < n; i++) status[k * n + i] = s.get(i);
    }
  });
  map.set("value", new NumberColumn(values));
  roles.value = "measure";
  if (status) {
    map.set("status", StringColumn.from(status));
    roles.status = "status";
  }
  return { table: new Table(map, { roles }), index };
}
