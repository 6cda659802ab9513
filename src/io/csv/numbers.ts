/**
 * The number format of one column of delimited text: its decimal mark and its grouping (thousands) mark, as
 * Excel and Swedish or Norwegian locales write them: `1 234 567,8` (space, U+00A0 or U+202F), `1.234.567,8`,
 * `1,234,567.8`, or plain `1234567.8`. The format is detected on a sample of the column and must hold for every
 * cell of it; a column that fits two formats (`1.234` is 1234 or 1.234) is refused unless the caller says which.
 */
export interface NumberFormat {
  /** The decimal mark; `null` while no cell has shown it. */
  decimal: "." | "," | null;
  /** The grouping mark (`" "` stands for space, U+00A0 and U+202F alike), `"none"` when long numbers are written without one, `null` while unknown. */
  group: " " | "." | "," | "none" | null;
}

/** What one cell says about the format. */
type Evidence =
  | { kind: "none" }
  | { kind: "format"; decimal: "." | "," | null; group: " " | "." | "," | "none" | null }
  | { kind: "ambiguous"; mark: "." | "," };

const SPACES = /[ \u00a0\u202f]/;
const INTEGER = /^[+-]?\d+$/;

/** True when the trimmed cell is a number in some format (`1 234,5`, `1.234`, `-12`, `1e3`). */
export function isNumberInSomeFormat(text: string): boolean {
  return evidence(text) !== null;
}

/** Classifies a trimmed cell; `null` when it is not a number in any format. */
function evidence(t: string): Evidence | null {
  if (INTEGER.test(t))
    return t.replace(/^[+-]/, "").length > 3 ? { kind: "format", decimal: null, group: "none" } : { kind: "none" };
  // grouped by spaces: 1 234, 1 234,5, 1 234.5
  let m = /^[+-]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:([.,])\d+)?$/.exec(t);
  if (m) return { kind: "format", decimal: (m[1] as "." | "," | undefined) ?? null, group: " " };
  // one mark: decimal, or a group of three (ambiguous)
  m = /^[+-]?(\d*)([.,])(\d+)$/.exec(t);
  if (m) {
    const mark = m[2] as "." | ",";
    const whole = m[1]!;
    if (whole.length >= 1 && whole.length <= 3 && whole[0] !== "0" && m[3]!.length === 3)
      return { kind: "ambiguous", mark };
    return { kind: "format", decimal: mark, group: whole.length > 3 ? "none" : null };
  }
  // several groups, with or without a decimal part: 1.234.567 / 1.234,5 / 1,234,567.89
  m = /^[+-]?\d{1,3}(?:([.,])\d{3})+(?:([.,])\d+)?$/.exec(t);
  if (m) {
    const group = m[1] as "." | ",";
    const decimal = (m[2] as "." | "," | undefined) ?? null;
    if (decimal === group) return null;
    const groups = t.split(group).length - 1;
    if (decimal === null && groups === 1) return { kind: "ambiguous", mark: group };
    return { kind: "format", decimal: decimal ?? (group === "." ? "," : "."), group };
  }
  // exponent: 1e3, 1.5E-2
  if (/^[+-]?(\d+\.?\d*|\.\d+)[eE][+-]?\d+$/.test(t))
    return { kind: "format", decimal: t.includes(".") ? "." : null, group: null };
  return null;
}

/** Describes a format for messages: `decimal comma, space as thousands separator`. */
export function describeFormat(format: NumberFormat): string {
  const decimal = format.decimal === "," ? "decimal comma" : format.decimal === "." ? "decimal point" : "no decimals";
  const group = format.group === " " ? "space" : format.group === "." ? '"."' : format.group === "," ? '","' : null;
  return group
    ? `${decimal}, ${group} as thousands separator`
    : format.group === "none"
      ? `${decimal}, no thousands separator`
      : decimal;
}

export type FormatOutcome =
  | { ok: true; format: NumberFormat; ambiguous: string | null }
  | { ok: false; conflict: [first: { cell: string; row: number }, second: { cell: string; row: number }] };

/**
 * Detects the format of a column from a sample of its cells (symbols and flagged cells are skipped by the caller
 * or ignored here). `decimal`: the decimal mark the caller imposes (the `decimalComma` option) or, when the file's
 * other columns settled it, the file's mark. Returns the format, or the first two cells that contradict each
 * other. `ambiguous` is a cell that could not be settled (the caller refuses it or decides by the delimiter).
 *
 * @example
 * detectNumberFormat(["1 234,5", "17,2"]).format // { decimal: ",", group: " " }
 * detectNumberFormat(["1.234", "5.678"]).ambiguous // "1.234"
 */
export function detectNumberFormat(
  cells: readonly string[],
  start: "." | "," | null | NumberFormat = null,
): FormatOutcome {
  const format: NumberFormat =
    start === null || typeof start === "string" ? { decimal: start, group: null } : { ...start };
  const before = (what: string) => ({ cell: `the ${what} chosen before`, row: -1 });
  let decimalFrom: { cell: string; row: number } | null = format.decimal
    ? before(format.decimal === "," ? "decimal comma" : "decimal point")
    : null;
  let groupFrom: { cell: string; row: number } | null = format.group ? before("thousands separator") : null;
  const ambiguous: { mark: "." | ","; cell: string; row: number }[] = [];
  for (let row = 0; row < cells.length; row++) {
    const cell = cells[row]!.trim();
    const e = evidence(cell);
    if (e === null || e.kind === "none") continue;
    if (e.kind === "ambiguous") {
      ambiguous.push({ mark: e.mark, cell, row });
      continue;
    }
    const here = { cell, row };
    if (e.decimal !== null) {
      if (format.decimal !== null && format.decimal !== e.decimal) return { ok: false, conflict: [decimalFrom!, here] };
      if (format.group === e.decimal) return { ok: false, conflict: [groupFrom!, here] };
      if (format.decimal === null) [format.decimal, decimalFrom] = [e.decimal, here];
    }
    if (e.group !== null) {
      if (format.group !== null && format.group !== e.group) return { ok: false, conflict: [groupFrom!, here] };
      if (format.decimal === e.group) return { ok: false, conflict: [decimalFrom!, here] };
      if (format.group === null) [format.group, groupFrom] = [e.group, here];
    }
  }
  // settle "1.234": the mark is the decimal mark, or the grouping mark, whichever the rest of the column allows
  let unsettled: string | null = null;
  for (const a of ambiguous) {
    const other = a.mark === "." ? "," : ".";
    const here = { cell: a.cell, row: a.row };
    if (format.decimal === a.mark || format.group === a.mark) continue;
    if (format.decimal === other) {
      if (format.group === null) [format.group, groupFrom] = [a.mark, here];
      else return { ok: false, conflict: [groupFrom!, here] };
    } else if (format.group !== null) {
      // the grouping is known (space, none or the other mark): the mark is the decimal
      format.decimal ??= a.mark;
    } else unsettled ??= a.cell;
  }
  return { ok: true, format, ambiguous: unsettled };
}

/** What a column's cells say about a mark that could group thousands or be the decimal mark. */
export interface GroupingEvidence {
  /** A whole number written without the mark ("200"): the column holds whole numbers below 1000 beside "1.234". */
  whole: string;
  /** A cell with the mark and three digits after it ("255.122"). */
  marked: string;
  /** Such a cell whose three digits end in 0 ("75.780"), or null. */
  zero: string | null;
}

/**
 * Looks for the pattern of a column whose numbers from 1000 up are grouped and the smaller ones are not
 * (`255.122` beside `200`, as a spreadsheet writes integers with a thousands separator): every cell with `mark` has
 * one mark and exactly three digits after it, and some cells are whole numbers without it. Then grouping is the
 * likely reading, decimals the other; a cell whose three digits end in 0 (`75.780`) decides it, as a writer that
 * writes whole numbers without decimals (`200`, not `200.000`) does not write a decimal's trailing zero.
 * Returns the cells that show it, or null when the column does not have the pattern.
 *
 * @example
 * groupingEvidence(["255.122", "200", "75.780"], ".") // { whole: "200", marked: "255.122", zero: "75.780" }
 * groupingEvidence(["255.122", "1.5", "200"], ".")    // null: "1.5" is a decimal
 */
export function groupingEvidence(cells: readonly string[], mark: "." | ","): GroupingEvidence | null {
  const grouped = mark === "." ? /^[+-]?[1-9]\d{0,2}\.\d{3}$/ : /^[+-]?[1-9]\d{0,2},\d{3}$/;
  let whole: string | null = null;
  let marked: string | null = null;
  let zero: string | null = null;
  for (const raw of cells) {
    const t = raw.trim();
    if (t.includes(mark)) {
      if (!grouped.test(t)) return null;
      marked ??= t;
      if (zero === null && t.endsWith("0")) zero = t;
    } else if (whole === null && /^[+-]?\d{1,3}$/.test(t)) whole = t;
  }
  return whole !== null && marked !== null ? { whole, marked, zero } : null;
}

const PATTERNS = new Map<string, RegExp>();

/** The pattern of a number in `format`, for the cells the fast path passes over. */
function patternOf(format: NumberFormat): RegExp {
  const key = `${format.decimal}|${format.group}`;
  let re = PATTERNS.get(key);
  if (!re) {
    const group =
      format.group === " " ? "[ \\u00a0\\u202f]" : format.group === "." ? "\\." : format.group === "," ? "," : null;
    const decimal = format.decimal === "," ? "," : format.decimal === "." ? "\\." : null;
    const whole = group ? `(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)` : "\\d+";
    const number = decimal ? `(?:${whole}(?:${decimal}\\d*)?|${decimal}\\d+)` : whole;
    re = new RegExp(`^[+-]?${number}(?:[eE][+-]?\\d+)?$`);
    PATTERNS.set(key, re);
  }
  return re;
}

/**
 * Reads a number written in `format`: grouping marks are removed, the decimal mark becomes a point. NaN when the
 * text is not a number in that format; ±Infinity when it is one too large for a double (the caller reports it).
 *
 * @example
 * parseNumber("1 234,5", { decimal: ",", group: " " }) // 1234.5
 * parseNumber("1.234", { decimal: ".", group: null })   // 1.234
 */
export function parseNumber(text: string, format: NumberFormat): number {
  const t = text.trim();
  if (t.length === 0 || !patternOf(format).test(t)) return NaN;
  let s =
    format.group === " "
      ? t.replace(/[ \u00a0\u202f]/g, "")
      : format.group === "." || format.group === ","
        ? t.replaceAll(format.group, "")
        : t;
  if (format.decimal === ",") s = s.replace(",", ".");
  return Number(s);
}

/** True when the text holds a space of any kind (used to tell a grouped number from two words). */
export function hasSpace(text: string): boolean {
  return SPACES.test(text);
}
