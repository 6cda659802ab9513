import { gzipSync } from "node:zlib";
import { sniffDialect } from "../../../src/io/csv/dialect.ts";
import { splitRows } from "../../../src/io/csv/tokenize.ts";
import { type Base, encodeAs } from "./corpus.ts";
import { decodeCp1252, encodeCp1252, encodeUtf16, encodeUtf8 } from "./encode.ts";
import type { Rng } from "./prng.ts";

/**
 * One way real files get damaged or re-saved. `mutate` returns the mutated bytes, or null when it does not apply to
 * this base (no non-ASCII text to double-encode, no number to change, ...).
 */
export interface Mutation {
  name: string;
  family: "truncation" | "gzip" | "encoding" | "delimiter" | "excel" | "rows" | "numbers" | "json" | "px";
  applies: (base: Base) => boolean;
  mutate: (base: Base, rng: Rng) => Uint8Array | null;
  /**
   * "read": the mutation leaves the data complete, so the file must load (an error is a `false-error`); a pattern:
   * an error must say what the mutation broke (its message must match, else it is a `wrong-error`). Without it any
   * placed one-line error passes. A function gives the expectation for a base.
   */
  expect?: Expectation | ((base: Base) => Expectation);
}

export type Expectation = "read" | RegExp | undefined;

const isDelimited = (b: Base) => b.format === "csv" || b.format === "sdmx-csv";
const isLined = (b: Base) => isDelimited(b) || b.format === "eurostat-tsv";
const isJson = (b: Base) => b.format.startsWith("json") || b.format === "pxweb-json";
const isPx = (b: Base) => b.format === "px";
const nonAscii = (b: Base) => /[^\p{ASCII}]/u.test(b.text);

/** The delimiter of a base: TAB for Eurostat TSV, "," for SDMX-CSV, sniffed for CSV. */
export function delimiterOf(base: Base): string {
  if (base.format === "eurostat-tsv") return "\t";
  if (base.format === "sdmx-csv") return ",";
  return sniffDialect(base.text).delimiter;
}

/** Re-encodes text in the base's own encoding; UTF-8 when a character does not fit. */
function same(base: Base, text: string): Uint8Array {
  return encodeAs(text, base.encoding) ?? encodeUtf8(text);
}

/** The lines of a text (without line ends) and whether it ends in one. */
function linesOf(base: Base, text = base.text): { lines: string[]; final: boolean } {
  const lines = text.split(base.eol);
  const final = lines.at(-1) === "";
  if (final) lines.pop();
  return { lines, final };
}

function joinLines(base: Base, lines: string[], final: boolean): string {
  return lines.join(base.eol) + (final ? base.eol : "");
}

/** Index of a random line that holds a digit (a data line), after the first line; -1 when there is none. */
function dataLine(lines: string[], rng: Rng): number {
  const candidates = lines.flatMap((l, k) => (k > 0 && /\d/.test(l) ? [k] : []));
  return candidates.length ? rng.pick(candidates) : -1;
}

/** Parses delimited text into rows of cells with their quoting, and writes them back. */
function parseRows(base: Base, delimiter = delimiterOf(base)): { cells: string[]; quoted: boolean[] }[] {
  const rows = splitRows(base.text, delimiter);
  return rows.map((r) => ({ cells: r.cells, quoted: r.quoted }));
}

function writeRows(
  base: Base,
  rows: { cells: string[]; quoted: boolean[] }[],
  delimiter: string,
  quoteAll = false,
): string {
  const needs = (c: string) => c.includes(delimiter) || c.includes('"') || c.includes("\n") || c.includes("\r");
  const out = rows.map((r) =>
    r.cells.map((c, k) => (quoteAll || r.quoted[k] || needs(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(delimiter),
  );
  return out.join(base.eol) + base.eol;
}

/** A JSON-stat dataset inside a parsed file (the root for 2.0, the first object with `dimension` for 1.0). */
function datasetOf(json: Record<string, unknown>): Record<string, unknown> | null {
  if ("dimension" in json) return json;
  const inner = Object.values(json).find((v) => v && typeof v === "object" && "dimension" in (v as object));
  return (inner as Record<string, unknown> | undefined) ?? null;
}

function editJson(base: Base, edit: (json: Record<string, unknown>) => boolean): Uint8Array | null {
  const json = JSON.parse(base.text) as Record<string, unknown>;
  if (!edit(json)) return null;
  return encodeUtf8(JSON.stringify(json));
}

/** The quoted strings of a PX keyword's value (`STUB="a","b";`), or null when absent. */
function pxList(text: string, keyword: string): string[] | null {
  const head = text.slice(0, text.indexOf("DATA="));
  const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`^${escaped}=((?:"[^"]*"|[\\s,])*);`, "m").exec(head);
  return m ? [...m[1]!.matchAll(/"([^"]*)"/g)].map((x) => x[1]!) : null;
}

/** Rewrites a PX file in the KEYS layout, leaving out the lines that hold only zeros. */
function pxToKeys(base: Base): string | null {
  const text = base.text;
  const at = text.indexOf("DATA=");
  if (at < 0) return null;
  const stub = pxList(text, "STUB") ?? [];
  const heading = pxList(text, "HEADING") ?? [];
  if (stub.length === 0) return null;
  const keysOf = stub.map((v) => pxList(text, `CODES("${v}")`) ?? pxList(text, `VALUES("${v}")`));
  const useCodes = stub.map((v) => pxList(text, `CODES("${v}")`) !== null);
  if (keysOf.some((k) => k === null)) return null;
  const width = heading.reduce((p, v) => p * (pxList(text, `VALUES("${v}")`)?.length ?? 1), 1);
  const tokens =
    text
      .slice(at + 5)
      .replace(/;\s*$/, "")
      .match(/"[^"]*"|[^\s,;"]+/g) ?? [];
  const rows = tokens.length / width;
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = tokens.slice(r * width, (r + 1) * width);
    if (cells.every((c) => c === "0")) continue;
    let rest = r;
    const keys = new Array<string>(stub.length);
    for (let k = stub.length - 1; k >= 0; k--) {
      const list = keysOf[k]!;
      keys[k] = `"${list[rest % list.length]}"`;
      rest = Math.floor(rest / list.length);
    }
    lines.push(`${keys.join(",")},${cells.join(" ")}`);
  }
  const decl = stub.map((v, k) => `KEYS("${v}")=${useCodes[k] ? "CODES" : "VALUES"};`).join(base.eol);
  return `${text.slice(0, at)}${decl}${base.eol}DATA=${base.eol}${lines.join(base.eol)};${base.eol}`;
}

export const MUTATIONS: readonly Mutation[] = [
  // --- truncation ---
  {
    name: "truncate-mid-line",
    family: "truncation",
    applies: () => true,
    mutate(base, rng) {
      const t = base.text;
      for (let tries = 0; tries < 20; tries++) {
        const cut = Math.floor(t.length / 4) + rng.int(Math.max(1, t.length - Math.floor(t.length / 4) - 1));
        if (cut <= 0 || cut >= t.length) continue;
        if ("\r\n".includes(t[cut - 1]!) || "\r\n".includes(t[cut]!)) continue;
        return same(base, t.slice(0, cut));
      }
      return null;
    },
  },
  {
    name: "no-final-line-break",
    family: "truncation",
    // a base cut to its first lines may end in a short group, which without the line break is the mark of a cut
    expect: (b) =>
      b.cut ? /^line \d+, the last, has no line break, and its group .* where every other group has/ : "read",
    applies: (b) => /[\r\n]$/.test(b.text),
    // a complete file whose last line has no line break (a script's or an editor's save): every cell is there
    mutate: (base) => same(base, base.text.replace(/[\r\n]+$/, "")),
  },
  // --- gzip ---
  {
    name: "gzip-clean",
    family: "gzip",
    expect: "read",
    applies: () => true,
    mutate: (base) => gzipSync(base.bytes),
  },
  {
    name: "gzip-two-members",
    family: "gzip",
    expect: "read",
    applies: () => true,
    mutate(base, rng) {
      const cut = 1 + rng.int(base.bytes.length - 1);
      return Buffer.concat([gzipSync(base.bytes.subarray(0, cut)), gzipSync(base.bytes.subarray(cut))]);
    },
  },
  {
    name: "gzip-truncated",
    family: "gzip",
    applies: () => true,
    mutate(base, rng) {
      const gz = gzipSync(base.bytes);
      return gz.subarray(0, 11 + rng.int(gz.length - 12));
    },
  },
  {
    name: "gzip-header-only",
    family: "gzip",
    applies: () => true,
    mutate: (base) => gzipSync(base.bytes).subarray(0, 10),
  },
  {
    name: "gzip-corrupt",
    family: "gzip",
    applies: () => true,
    mutate(base, rng) {
      const gz = Buffer.from(gzipSync(base.bytes));
      const at = 10 + rng.int(gz.length - 18);
      gz[at] = gz[at]! ^ (1 + rng.int(255));
      return gz;
    },
  },
  {
    name: "gzip-trailing-garbage",
    family: "gzip",
    applies: () => true,
    mutate: (base, rng) =>
      Buffer.concat([
        gzipSync(base.bytes),
        Buffer.from(rng.pick(["garbage", "<html>404</html>", "\r\n--boundary--\r\n"])),
      ]),
  },
  // --- encoding ---
  {
    name: "reencode-utf8",
    family: "encoding",
    expect: "read",
    applies: (b) => b.encoding === "windows-1252",
    mutate: (base) => encodeUtf8(base.text),
  },
  {
    name: "reencode-utf8-bom",
    family: "encoding",
    expect: "read",
    applies: (b) => b.encoding !== "utf-8-bom",
    mutate: (base) => encodeUtf8(base.text, true),
  },
  {
    name: "reencode-latin1",
    family: "encoding",
    expect: "read",
    applies: (b) => b.encoding !== "windows-1252" && nonAscii(b),
    mutate: (base) => encodeCp1252(base.text),
  },
  {
    name: "utf16le-bom",
    family: "encoding",
    expect: "read",
    applies: () => true,
    mutate: (base) => encodeUtf16(base.text, true, true),
  },
  {
    name: "utf16be-bom",
    family: "encoding",
    expect: "read",
    applies: () => true,
    mutate: (base) => encodeUtf16(base.text, false, true),
  },
  {
    name: "utf16le-no-bom",
    family: "encoding",
    expect: "read",
    applies: () => true,
    mutate: (base) => encodeUtf16(base.text, true, false),
  },
  {
    name: "double-encoded",
    family: "encoding",
    expect: "read",
    applies: nonAscii,
    mutate: (base) => encodeUtf8(decodeCp1252(encodeUtf8(base.text))),
  },
  {
    name: "mixed-encoding",
    family: "encoding",
    expect: "read",
    applies: (b) => nonAscii(b) && isLined(b),
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      const accented = lines.flatMap((l, k) => (k > 0 && /[^\p{ASCII}]/u.test(l) ? [k] : []));
      if (accented.length < 2) return null;
      const k = rng.pick(accented.slice(1));
      const head = encodeUtf8(lines.slice(0, k).join(base.eol) + base.eol);
      const tail = encodeCp1252(joinLines(base, lines.slice(k), final));
      return tail ? Buffer.concat([head, tail]) : null;
    },
  },
  {
    name: "bom-in-middle",
    family: "encoding",
    expect: "read",
    applies: isLined,
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      if (lines.length < 3) return null;
      const k = 1 + rng.int(lines.length - 1);
      lines[k] = `\ufeff${lines[k]}`;
      return encodeUtf8(joinLines(base, lines, final));
    },
  },
  {
    name: "nul-bytes",
    family: "encoding",
    applies: () => true,
    mutate(base, rng) {
      const at = rng.int(base.bytes.length);
      return Buffer.concat([base.bytes.subarray(0, at), new Uint8Array(1 + rng.int(4096)), base.bytes.subarray(at)]);
    },
  },
  {
    name: "en-dash-cp1252",
    family: "encoding",
    expect: "read",
    applies: (b) => isDelimited(b),
    mutate(base) {
      const d = delimiterOf(base);
      const rows = parseRows(base, d);
      let changed = false;
      for (const r of rows.slice(1)) {
        r.cells.forEach((c, k) => {
          if (c.trim() === "-") {
            r.cells[k] = "–";
            changed = true;
          }
        });
      }
      return changed ? encodeCp1252(writeRows(base, rows, d)) : null;
    },
  },
  // --- delimiters ---
  {
    name: "delimiter-swap",
    family: "delimiter",
    expect: "read",
    applies: isDelimited,
    mutate(base, rng) {
      const d = delimiterOf(base);
      const to = rng.pick([",", ";", "\t"].filter((x) => x !== d));
      return same(base, writeRows(base, parseRows(base, d), to));
    },
  },
  // --- Excel re-saves ---
  {
    name: "excel-trailing-delimiters",
    family: "excel",
    expect: "read",
    applies: isLined,
    mutate(base) {
      const d = delimiterOf(base);
      const { lines, final } = linesOf(base);
      return same(
        base,
        joinLines(
          base,
          lines.map((l) => (l === "" ? l : `${l}${d}${d}${d}`)),
          final,
        ),
      );
    },
  },
  {
    name: "excel-trailing-delimiters-data",
    family: "excel",
    expect: "read",
    applies: isLined,
    mutate(base) {
      // Excel's empty columns on the data lines only: the header (and a title above it) end where they did
      const d = delimiterOf(base);
      const { lines, final } = linesOf(base);
      const headerAt =
        base.format === "csv"
          ? base.text.slice(0, sniffDialect(base.text).headerOffset).split(/\r\n|\r|\n/).length - 1
          : 0;
      return same(
        base,
        joinLines(
          base,
          lines.map((l, k) => (k <= headerAt || l === "" ? l : `${l}${d}${d}${d}`)),
          final,
        ),
      );
    },
  },
  {
    name: "excel-quote-all",
    family: "excel",
    expect: "read",
    applies: isDelimited,
    mutate: (base) => same(base, writeRows(base, parseRows(base), delimiterOf(base), true)),
  },
  {
    name: "excel-thousands-separators",
    family: "excel",
    applies: isDelimited,
    mutate(base, rng) {
      const d = delimiterOf(base);
      const rows = parseRows(base, d);
      const cells = rows.slice(1).flatMap((r) => r.cells);
      const decimalComma = cells.some((c) => /^-?\d+,\d+$/.test(c));
      const decimalPoint = cells.some((c) => /^-?\d+\.\d+$/.test(c));
      const marks = [" ", "\u00a0", "\u202f", ...(decimalComma ? [] : [","]), ...(decimalPoint ? [] : ["."])];
      const mark = rng.pick(marks);
      let changed = false;
      for (const r of rows.slice(1)) {
        r.cells.forEach((c, k) => {
          const m = /^(-?)(\d{4,})((?:[.,]\d+)?)$/.exec(c);
          if (!m || (k === 0 && !r.quoted[k] && rows[0]!.cells[0] !== "" && /^\d{4}$/.test(c))) return;
          r.cells[k] = m[1] + m[2]!.replace(/\B(?=(\d{3})+$)/g, mark) + m[3];
          changed = true;
        });
      }
      return changed ? same(base, writeRows(base, rows, d)) : null;
    },
  },
  {
    name: "excel-norwegian-grouping",
    family: "numbers",
    // read as before, or refused naming both readings of a cell ("255.122" may be 255.122 or 255122)
    expect: /\bmay be \S+ or \S+|\breads as \S+ or \S+/,
    applies: (b) => b.format === "csv",
    mutate(base, rng) {
      // integers from 1000 up grouped by points and smaller ones bare ("255.122" beside "200"), as a spreadsheet
      // writes them; the decimals either written with a comma (the same locale) or left with their point
      const d = delimiterOf(base);
      const rows = parseRows(base, d);
      const at = rows.findIndex((r) => r.cells.length > 1);
      if (at < 0) return null;
      const body = rows.slice(at + 1);
      // codes and years keep their digits: no spreadsheet user formats them with a thousands separator
      const skip = rows[at]!.cells.map(
        (h, j) =>
          /code|kod|region|year|^år$|^tid$|time|period/i.test(h) ||
          body.every((r) => /^((19|20)\d\d)?$/.test((r.cells[j] ?? "").trim())),
      );
      const comma = rng.next() < 0.5;
      let changed = false;
      for (const r of body) {
        r.cells.forEach((c, j) => {
          if (skip[j] || r.quoted[j]) return;
          const t = c.trim();
          if (/^-?\d{4,}$/.test(t)) r.cells[j] = t.replace(/\B(?=(\d{3})+$)/g, ".");
          else if (comma && /^-?\d+\.\d+$/.test(t)) r.cells[j] = t.replace(".", ",");
          else return;
          changed = true;
        });
      }
      return changed ? same(base, writeRows(base, rows, d)) : null;
    },
  },
  {
    name: "excel-lost-leading-zeros",
    family: "excel",
    applies: isDelimited,
    mutate(base) {
      const d = delimiterOf(base);
      const rows = parseRows(base, d);
      let changed = false;
      for (const r of rows.slice(1)) {
        r.cells.forEach((c, k) => {
          if (/^0\d+$/.test(c)) {
            r.cells[k] = c.replace(/^0+/, "");
            r.quoted[k] = false;
            changed = true;
          }
        });
      }
      return changed ? same(base, writeRows(base, rows, d)) : null;
    },
  },
  {
    name: "eol-cr-only",
    family: "excel",
    expect: "read",
    applies: (b) => isLined(b) && b.eol !== "\r",
    mutate: (base) => same(base, base.text.split(base.eol).join("\r")),
  },
  {
    name: "eol-crlf",
    family: "excel",
    expect: "read",
    applies: (b) => b.eol !== "\r\n",
    mutate: (base) => same(base, base.text.split(base.eol).join("\r\n")),
  },
  {
    name: "eol-lf",
    family: "excel",
    expect: "read",
    applies: (b) => b.eol !== "\n",
    mutate: (base) => same(base, base.text.split(base.eol).join("\n")),
  },
  {
    name: "last-line-ends-in-delimiter",
    family: "excel",
    expect: "read",
    applies: isDelimited,
    mutate(base) {
      const { lines } = linesOf(base);
      return same(base, lines.join(base.eol) + delimiterOf(base));
    },
  },
  // --- rows ---
  {
    name: "duplicate-row",
    family: "rows",
    expect: "read",
    applies: isLined,
    mutate(base, rng) {
      const { lines } = linesOf(base);
      const k = dataLine(lines, rng);
      if (k < 0) return null;
      lines.splice(rng.next() < 0.5 ? k + 1 : lines.length, 0, lines[k]!);
      return same(base, joinLines(base, lines, true));
    },
  },
  {
    name: "duplicate-row-conflicting",
    family: "rows",
    applies: isLined,
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      const k = dataLine(lines, rng);
      if (k < 0) return null;
      const d = delimiterOf(base);
      const cells = lines[k]!.split(d);
      const numeric = cells.flatMap((c, j) =>
        j > 0 && /^\s*-?\d+\s*[a-z]*\s*$/.test(c) && !/^\s*\d{4}\s*$/.test(c) ? [j] : [],
      );
      if (numeric.length === 0) return null;
      const j = rng.pick(numeric);
      cells[j] = cells[j]!.replace(/\d+/, (n) => String(Number(n) + 1 + rng.int(9)));
      lines.splice(lines.length, 0, cells.join(d));
      return same(base, joinLines(base, lines, final));
    },
  },
  {
    name: "concatenated-twice",
    family: "rows",
    applies: isLined,
    mutate: (base) =>
      same(base, base.text.endsWith(base.eol) ? base.text + base.text : base.text + base.eol + base.text),
  },
  {
    name: "ragged-extra-cell",
    family: "rows",
    applies: isLined,
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      const k = dataLine(lines, rng);
      if (k < 0) return null;
      const d = delimiterOf(base);
      const line = lines[k]!;
      // an unquoted delimiter inside a label (after a letter), else anywhere inside the line
      const letters = [...line.matchAll(/\p{L}(?=\p{L})/gu)]
        .map((m) => m.index! + 1)
        .filter((i) => !isQuotedAt(line, i));
      const anywhere = Array.from({ length: line.length - 1 }, (_, i) => i + 1).filter((i) => !isQuotedAt(line, i));
      if (anywhere.length === 0) return null;
      const at = letters.length ? rng.pick(letters) : rng.pick(anywhere);
      lines[k] = line.slice(0, at) + d + line.slice(at);
      return same(base, joinLines(base, lines, final));
    },
  },
  {
    name: "ragged-missing-cell",
    family: "rows",
    applies: isLined,
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      const k = dataLine(lines, rng);
      if (k < 0) return null;
      const d = delimiterOf(base);
      const line = lines[k]!;
      const positions = [...line].flatMap((c, i) => (c === d && !isQuotedAt(line, i) ? [i] : []));
      if (positions.length === 0) return null;
      const at = rng.pick(positions);
      // drop the delimiter and the cell after it
      const next = line.indexOf(d, at + 1);
      lines[k] = line.slice(0, at) + (next < 0 ? "" : line.slice(next));
      return same(base, joinLines(base, lines, final));
    },
  },
  // --- numbers ---
  {
    name: "over-long-number",
    family: "numbers",
    applies: (b) => isLined(b) || isPx(b),
    mutate(base, rng) {
      const { lines, final } = linesOf(base);
      const k = dataLine(lines, rng);
      if (k < 0) return null;
      const digits = rng.pick([400, 5000, 200_000]);
      const found = [...lines[k]!.matchAll(/(?<=^|[\s,;\t])\d+(?=$|[\s,;\t])/g)];
      if (found.length === 0) return null;
      const m = rng.pick(found);
      lines[k] = lines[k]!.slice(0, m.index) + "9".repeat(digits) + lines[k]!.slice(m.index! + m[0].length);
      return same(base, joinLines(base, lines, final));
    },
  },
  // --- JSON ---
  {
    name: "json-drop-key",
    family: "json",
    applies: isJson,
    mutate: (base, rng) =>
      editJson(base, (json) => {
        if (base.format === "pxweb-json") {
          Reflect.deleteProperty(json, rng.pick(["columns", "data"]));
          return true;
        }
        const ds = datasetOf(json);
        if (!ds) return false;
        const key = rng.pick(["value", "dimension", "id", "size"].filter((k) => k in ds));
        Reflect.deleteProperty(ds, key);
        return true;
      }),
  },
  {
    name: "json-value-length",
    family: "json",
    applies: isJson,
    mutate: (base, rng) =>
      editJson(base, (json) => {
        if (base.format === "pxweb-json") {
          const rows = json.data as { values: unknown[] }[];
          const row = rng.pick(rows);
          if (rng.next() < 0.5) row.values.pop();
          else row.values.push("1");
          return true;
        }
        const ds = datasetOf(json);
        if (!ds || !Array.isArray(ds.value) || ds.value.length === 0) return false;
        if (rng.next() < 0.5) ds.value.splice(rng.int(ds.value.length), 1);
        else ds.value.splice(rng.int(ds.value.length), 0, 1);
        return true;
      }),
  },
  {
    name: "json-value-wrong-type",
    family: "json",
    applies: isJson,
    mutate: (base, rng) =>
      editJson(base, (json) => {
        const wrong = rng.pick<unknown>(["abc", { v: 1 }, true, [1, 2], "1e999"]);
        if (base.format === "pxweb-json") {
          const row = rng.pick(json.data as { values: unknown[] }[]);
          row.values[rng.int(row.values.length)] = wrong;
          return true;
        }
        const ds = datasetOf(json);
        if (!ds) return false;
        if (rng.next() < 0.2) {
          ds.value = rng.pick<unknown>(["values", 17, null]);
          return true;
        }
        if (!Array.isArray(ds.value) || ds.value.length === 0) return false;
        ds.value[rng.int(ds.value.length)] = wrong;
        return true;
      }),
  },
  {
    name: "json-numbers-as-strings",
    family: "json",
    expect: "read",
    applies: isJson,
    mutate: (base) =>
      editJson(base, (json) => {
        if (base.format === "pxweb-json") {
          for (const row of json.data as { values: unknown[] }[])
            row.values = row.values.map((v) => (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v));
          return true;
        }
        const ds = datasetOf(json);
        if (!ds || !Array.isArray(ds.value)) return false;
        ds.value = ds.value.map((v: unknown) => (typeof v === "number" ? String(v) : v));
        return true;
      }),
  },
  {
    name: "json-status-wrong-length",
    family: "json",
    applies: (b) => isJson(b) && b.format !== "pxweb-json",
    mutate: (base) =>
      editJson(base, (json) => {
        const ds = datasetOf(json);
        if (!ds || !Array.isArray(ds.value) || ds.value.length < 3) return false;
        ds.status = ["e", "p"];
        return true;
      }),
  },
  {
    name: "json-size-short",
    family: "json",
    applies: (b) => isJson(b) && b.format !== "pxweb-json",
    mutate: (base, rng) =>
      editJson(base, (json) => {
        const ds = datasetOf(json);
        if (!ds) return false;
        // JSON-stat 2.0 keeps id and size at the top, 1.0 in `dimension`
        const holder = Array.isArray(ds.size) ? ds : (ds.dimension as Record<string, unknown>);
        const size = holder.size as number[] | undefined;
        const id = holder.id as string[] | undefined;
        if (!Array.isArray(size) || !Array.isArray(id) || size.length === 0) return false;
        const variant = rng.int(4);
        const larger = size.findIndex((n) => n > 1);
        if (variant === 0 || (variant === 2 && larger < 0)) size.pop();
        else if (variant === 1) {
          // a dimension left out of both id and size
          size.pop();
          id.pop();
        } else if (variant === 2) size[larger] = size[larger]! - 1;
        else {
          // one category fewer than the size says
          const dim = (ds.dimension as Record<string, { category?: Record<string, unknown> }>)[rng.pick(id)];
          const category = dim?.category;
          if (!category) return false;
          const list = (category.index ?? category.label) as Record<string, unknown> | string[] | undefined;
          if (Array.isArray(list)) list.pop();
          else if (list && Object.keys(list).length > 0) Reflect.deleteProperty(list, Object.keys(list).at(-1)!);
          else return false;
        }
        return true;
      }),
  },
  // --- PX ---
  {
    name: "px-no-data",
    family: "px",
    applies: isPx,
    mutate: (base) => same(base, base.text.slice(0, base.text.indexOf("DATA="))),
  },
  {
    name: "px-no-closing-semicolon",
    family: "px",
    expect: "read",
    applies: isPx,
    mutate: (base) => same(base, base.text.replace(/;(\s*)$/, "$1")),
  },
  {
    name: "px-keys-layout",
    family: "px",
    expect: "read",
    applies: isPx,
    mutate(base) {
      const text = pxToKeys(base);
      return text === null ? null : same(base, text);
    },
  },
  {
    name: "px-drop-cell",
    family: "px",
    applies: isPx,
    mutate(base, rng) {
      const at = base.text.indexOf("DATA=") + 5;
      const data = base.text.slice(at);
      const numbers = [...data.matchAll(/(?<=\s)-?\d+(\.\d+)?(?=\s|;)/g)];
      if (numbers.length === 0) return null;
      const m = rng.pick(numbers);
      return same(base, base.text.slice(0, at) + data.slice(0, m.index) + data.slice(m.index! + m[0].length));
    },
  },
  {
    name: "px-values-short",
    family: "px",
    // the error names the keyword and both counts
    expect: /^VALUES\(".+"\) has \d+ entr(y|ies) but CODES\(".+"\) has \d+/,
    applies: isPx,
    mutate(base, rng) {
      // the last value text of a variable dropped while its CODES stay complete
      const text = base.text;
      const head = text.slice(0, text.indexOf("DATA="));
      const variables = [...head.matchAll(/^VALUES\("([^"]+)"\)=/gm)]
        .map((m) => m[1]!)
        .filter((v) => (pxList(text, `CODES("${v}")`)?.length ?? 0) >= 2);
      if (variables.length === 0) return null;
      const v = rng.pick(variables);
      const values = pxList(text, `VALUES("${v}")`)!;
      const keyword = new RegExp(
        `^VALUES\\("${v.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"\\)=((?:"[^"]*"|[\\s,])*);`,
        "m",
      );
      const shorter = `VALUES("${v}")=${values
        .slice(0, -1)
        .map((x) => `"${x}"`)
        .join(",")};`;
      return same(
        base,
        text.replace(keyword, () => shorter),
      );
    },
  },
];

/** True when position `i` of a line is inside double quotes. */
function isQuotedAt(line: string, i: number): boolean {
  let inside = false;
  for (let k = 0; k < i; k++) if (line[k] === '"') inside = !inside;
  return inside;
}
