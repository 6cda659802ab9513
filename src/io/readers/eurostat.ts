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
export function readEurostatTsv(text: string, options: { file?: string | undefined; where?: ReadOptions["where"] | undefined } = {}): Table {
  const file = options.file;
  // split on LF only and drop a CR where a line is used: a regex split and a trim per line cost more than the
  // parsing when `where` keeps a few lines of a million cells
  const lines = text.includes("\n") || !text.includes("\r") ? text.split("\n") : text.split("\r");
  // Eurostat ends every line, the last one too; without it the last line may be cut anywhere, even inside a number
  const last = lines.at(-1)!;
  if (lines.length > 1 && last.trim() !== "") {
    throw new OmvarldError(
      "FILE_TRUNCATED",
      `the last line has no line end, so the file may be cut off inside it (${last.split("\t").length} of ${lines[0]!.split("\t").length} cells)`,
      { file, line: lines.length, column: last.length + 1 },
      "download the file again; if it is complete, end it with a line break",
    );
  }
  const header = lines[0]!.replace(/\r$/, "").split("\t");
  // empty columns after the last period (a spreadsheet's trailing TABs) are passed over, in every line
  while (header.length > 2 && header.at(-1)!.trim() === "") header.pop();
  const first = header[0]!;
  const dimensionNames = first.split("\\")[0]!.split(",").map((d) => canonicalDimension(d));
  const periods = header.slice(1).map((h, k) => {
    const p = parsePeriod(h);
    if (!p) throw new OmvarldError("PARSE", `column header ${JSON.stringify(h.trim().slice(0, 40))} is not a period`, { file, line: 1, column: k + 2 });
    return h.trim();
  });
  const wanted = dimensionNames.map((name): ((code: string) => boolean) | null => {
    const spec = options.where?.[name];
    if (spec === undefined) return null;
    if (typeof spec === "function") return spec;
    const codes = new Set((Array.isArray(spec) ? spec : [spec]).map(String));
    return (code) => codes.has(code);
  });
  const builder = new TidyBuilder([...dimensionNames, "year"]);
  const labels: string[] = new Array(dimensionNames.length + 1);
  const seen = new Map<string, number>();
  let duplicates = 0;
  let boms = 0;
  for (let l = 1; l < lines.length; l++) {
    let line = lines[l]!;
    if (line.charCodeAt(0) === 0xfeff) {
      line = line.slice(1);
      boms++;
    }
    if (line.length === 0 || (line.charCodeAt(0) <= 32 && line.trim() === "")) continue;
    const head = line.slice(0, line.indexOf("\t") >>> 0);
    if (head.includes("\\")) {
      throw new OmvarldError("PARSE", `the header line is repeated at line ${l + 1}`, { file, line: l + 1, column: 1 }, "two files were joined into one; read them one by one");
    }
    const keys = head.split(",");
    if (keys.length !== dimensionNames.length) {
      throw new OmvarldError("PARSE", `the first cell has ${keys.length} codes, expected ${dimensionNames.length} (${first})`, { file, line: l + 1, column: 1 });
    }
    if (!wanted.every((keep, d) => keep === null || keep(keys[d]!))) continue;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    const earlier = seen.get(head);
    if (earlier !== undefined) {
      if ((lines[earlier]!.replace(/^\ufeff/, "").replace(/\r$/, "")) === line) {
        duplicates++;
        continue;
      }
      throw new OmvarldError("PARSE", `line ${l + 1} repeats the codes "${head}" of line ${earlier + 1} with other values`, { file, line: l + 1, column: 1 }, "the file holds two versions of the same series; keep one");
    }
    seen.set(head, l);
    const cells = line.split("\t");
    while (cells.length > periods.length + 1 && cells.at(-1)!.trim() === "") cells.pop();
    if (cells.length !== periods.length + 1) {
      throw new OmvarldError("FILE_TRUNCATED", `line ${l + 1} has ${cells.length} cells, expected ${periods.length + 1}`, { file, line: l + 1, column: cells.length + 1 }, "the file may be cut off");
    }
    for (let k = 0; k < periods.length; k++) {
      const cell = parseCell(cells[k + 1]!);
      if (cell.status === "invalid" || (cell.value !== null && !Number.isFinite(cell.value))) {
        throw new OmvarldError("PARSE", `expected a number, ":" or a number with a flag, found ${JSON.stringify(cells[k + 1]!.trim().slice(0, 40))}`, { file, line: l + 1, column: k + 2 });
      }
      for (let d = 0; d < keys.length; d++) labels[d] = keys[d]!;
      labels[keys.length] = periods[k]!;
      builder.push(labels, cell.value, cell.status);
    }
  }
  const warnings = [
    ...(duplicates ? [`${duplicates} line${duplicates > 1 ? "s" : ""} repeated an earlier line exactly and ${duplicates > 1 ? "were" : "was"} left out`] : []),
    ...(boms ? [`${boms} line${boms > 1 ? "s" : ""} started with a byte order mark (U+FEFF), removed (were files joined?)`] : []),
  ];
  return normalise(builder.finish(), { file }).withProvenance({ format: "eurostat-tsv", source: "Eurostat" }).withWarnings(...warnings);
}
