import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { canonicalDimension, parsePeriod } from "../dimensions.ts";
import { normalise, TidyBuilder } from "../tidy.ts";
import type { ReadOptions } from "../read.ts";
import { parseCell } from "../values.ts";

/**
 * Reads Eurostat's TSV, old bulk (`unit,sex,age,geo\time`, years descending) and new API
 * (`freq,...,geo\TIME_PERIOD`, ascending): TAB between columns, commas inside the first, trailing spaces,
 * `:` for missing and flags after numbers (`4700 p`, `0 ep`), kept as status. `where` skips, unparsed, the lines
 * whose codes are not wanted (by canonical dimension name; other names are left to the caller).
 * A line that repeats an earlier line is left out with a warning that counts them; a line that repeats the codes of
 * an earlier line with other values, a repeated header (two files joined) and a last line without a line end (the
 * file may be cut inside a number) are errors. A byte order mark at the start of a line is removed with a warning.
 */
export function readEurostatTsv(
  text: string,
  options: { file?: string | undefined; where?: ReadOptions["where"] | undefined } = {},
): Table {
  return readEurostatChunks([text], options);
}

/**
 * Reads Eurostat's TSV from pieces of text (see `readEurostatTsv`), so that a file larger than V8's longest string
 * (2^29 characters) is read without ever being one string. A piece may end anywhere; pieces that end at line ends
 * split fewest lines. A line whose codes repeat an earlier line's is compared by a 53-bit hash of the earlier line
 * (the line itself is not kept), so two lines differing only where their hashes collide (odds 2^-53) would pass as
 * one repeated line.
 */
export function readEurostatChunks(
  chunks: Iterable<string>,
  options: { file?: string | undefined; where?: ReadOptions["where"] | undefined } = {},
): Table {
  const file = options.file;
  let separator: string | null = null;
  let pending = "";
  let l = -1;
  let reader: LineReader | null = null;
  for (const chunk of chunks) {
    // split on LF only and drop a CR where a line is used: a regex split and a trim per line cost more than the
    // parsing when `where` keeps a few lines of a million cells
    separator ??= chunk.includes("\n") || !chunk.includes("\r") ? "\n" : "\r";
    const lines = (pending === "" ? chunk : pending + chunk).split(separator);
    pending = lines.pop()!;
    for (const line of lines) {
      l++;
      if (reader === null) reader = new LineReader(line, file, options.where);
      else reader.line(line, l);
    }
  }
  if (reader === null) return new LineReader(pending, file, options.where).finish();
  // Eurostat ends every line, the last one too; without it the last line may be cut anywhere, even inside a number
  if (pending.trim() !== "") {
    if (!endsComplete(pending, reader.width)) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `the last line has no line end, so the file may be cut off inside it (${pending.split("\t").length} of ${reader.width} cells)`,
        { file, line: l + 2, column: pending.length + 1 },
        "download the file again; if it is complete, end it with a line break",
      );
    }
    reader.line(pending, l + 1);
    return reader
      .finish()
      .withWarnings(
        `the file does not end with a line break: if it was cut off, its last line (line ${l + 2}) may be incomplete`,
      );
  }
  return reader.finish();
}

/**
 * True when a last line without a line end shows that it is complete: every cell is there, and its last cell ends
 * as Eurostat ends each cell and as the line's other cells end, with the space after the value (`1194597 `, `: `)
 * or with a flag after that space (`28791 e`). A cut inside the last number (`11945`) leaves neither. A cut inside
 * a flag (`0 ep` → `0 e`, or `4700 p` → `4700 `) cannot be told from a complete cell; the caller warns.
 */
function endsComplete(line: string, width: number): boolean {
  const cells = line.replace(/\r$/, "").split("\t");
  while (cells.length > width && cells.at(-1)!.trim() === "") cells.pop();
  if (cells.length !== width || width < 2) return false;
  const complete = /^\S+ ([a-z]+)?$/;
  // the line's other cells must show the convention too (a file whose cells were trimmed shows nothing)
  return complete.test(cells.at(-1)!) && cells.slice(1, -1).every((c) => complete.test(c));
}

/** The lines after the header, one by one; `l` is the 0-based line index in the file. */
class LineReader {
  readonly #file: string | undefined;
  readonly #first: string;
  readonly #dimensionNames: string[];
  readonly #periods: string[];
  readonly #wanted: (((code: string) => boolean) | null)[];
  readonly #builder: TidyBuilder;
  readonly #labels: string[];
  /** Per first cell, the line it was first seen on and a hash of that line. */
  readonly #seen = new Map<string, { line: number; hash: number }>();
  #duplicates = 0;
  #boms = 0;

  constructor(headerLine: string, file: string | undefined, where: ReadOptions["where"] | undefined) {
    this.#file = file;
    const header = headerLine.replace(/\r$/, "").split("\t");
    // empty columns after the last period (a spreadsheet's trailing TABs) are passed over, in every line
    while (header.length > 2 && header.at(-1)!.trim() === "") header.pop();
    const first = (this.#first = header[0]!);
    this.#dimensionNames = first
      .split("\\")[0]!
      .split(",")
      .map((d) => canonicalDimension(d));
    this.#periods = header.slice(1).map((h, k) => {
      const p = parsePeriod(h);
      if (!p)
        throw new OmvarldError("PARSE", `column header ${JSON.stringify(h.trim().slice(0, 40))} is not a period`, {
          file,
          line: 1,
          column: k + 2,
        });
      return h.trim();
    });
    this.#wanted = this.#dimensionNames.map((name): ((code: string) => boolean) | null => {
      const spec = where?.[name];
      if (spec === undefined) return null;
      if (typeof spec === "function") return spec;
      const codes = new Set((Array.isArray(spec) ? spec : [spec]).map(String));
      return (code) => codes.has(code);
    });
    this.#builder = new TidyBuilder([...this.#dimensionNames, "year"]);
    this.#labels = new Array<string>(this.#dimensionNames.length + 1);
  }

  /** Cells in a full line. */
  get width(): number {
    return this.#periods.length + 1;
  }

  line(text: string, l: number): void {
    const file = this.#file;
    const periods = this.#periods;
    let line = text;
    if (line.charCodeAt(0) === 0xfeff) {
      line = line.slice(1);
      this.#boms++;
    }
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) return;
    const head = line.slice(0, line.indexOf("\t") >>> 0);
    if (head.includes("\\")) {
      throw new OmvarldError(
        "PARSE",
        `the header line is repeated at line ${l + 1}`,
        { file, line: l + 1, column: 1 },
        "two files were joined into one; read them one by one",
      );
    }
    const keys = head.split(",");
    if (keys.length !== this.#dimensionNames.length) {
      throw new OmvarldError(
        "PARSE",
        `the first cell has ${keys.length} codes, expected ${this.#dimensionNames.length} (${this.#first})`,
        { file, line: l + 1, column: 1 },
      );
    }
    if (!this.#wanted.every((keep, d) => keep === null || keep(keys[d]!))) return;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const hash = lineHash(line);
    const earlier = this.#seen.get(head);
    if (earlier !== undefined) {
      if (earlier.hash === hash) {
        this.#duplicates++;
        return;
      }
      throw new OmvarldError(
        "PARSE",
        `line ${l + 1} repeats the codes "${head}" of line ${earlier.line + 1} with other values`,
        { file, line: l + 1, column: 1 },
        "the file holds two versions of the same series; keep one",
      );
    }
    this.#seen.set(head, { line: l, hash });
    const cells = line.split("\t");
    while (cells.length > periods.length + 1 && cells.at(-1)!.trim() === "") cells.pop();
    if (cells.length !== periods.length + 1) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `line ${l + 1} has ${cells.length} cells, expected ${periods.length + 1}`,
        { file, line: l + 1, column: cells.length + 1 },
        "the file may be cut off",
      );
    }
    const labels = this.#labels;
    for (let k = 0; k < periods.length; k++) {
      const cell = parseCell(cells[k + 1]!);
      if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
        throw new OmvarldError(
          "PARSE",
          `expected a number, ":" or a number with a flag, found ${JSON.stringify(cells[k + 1]!.trim().slice(0, 40))}`,
          { file, line: l + 1, column: k + 2 },
        );
      }
      for (let d = 0; d < keys.length; d++) labels[d] = keys[d]!;
      labels[keys.length] = periods[k]!;
      this.#builder.push(labels, cell.value, cell.status);
    }
  }

  finish(): Table {
    const duplicates = this.#duplicates;
    const boms = this.#boms;
    const builder = this.#builder;
    const file = this.#file;
    const warnings = [
      ...(duplicates
        ? [
            `${duplicates} line${duplicates > 1 ? "s" : ""} repeated an earlier line exactly and ${duplicates > 1 ? "were" : "was"} left out`,
          ]
        : []),
      ...(boms
        ? [`${boms} line${boms > 1 ? "s" : ""} started with a byte order mark (U+FEFF), removed (were files joined?)`]
        : []),
    ];
    return normalise(builder.finish(), { file })
      .withProvenance({ format: "eurostat-tsv", source: "Eurostat" })
      .withWarnings(...warnings);
  }
}

/**
 * A 53-bit hash of a line: FNV-1a (32 bits) and a multiply-by-31 hash (21 bits) in one pass.
 * @example lineHash("a\tb") === lineHash("a\tb") // true
 */
function lineHash(text: string): number {
  let a = 0x811c9dc5;
  let b = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = (Math.imul(b, 31) + c) | 0;
  }
  return (a >>> 0) * 0x200000 + (b & 0x1fffff);
}
