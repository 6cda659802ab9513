/**
 * Reading one data cell: a number, or a missing/confidential symbol kept as status. A symbol never becomes 0.
 *
 * Symbols: PX/SCB/SSB `.` `..` `...` `....` `-` `–` `:` `x`; Eurostat `:` optionally with a flag (`: c`).
 * Eurostat flags glued to numbers (`4700 p`, `0 ep`) and SDMX observation codes (`: @N`) go to the status.
 */
export interface Cell {
  value: number | null;
  status: string | null;
}

const SYMBOLS = new Set([
  ".",
  "..",
  "...",
  "....",
  ".....",
  "......",
  ".......",
  "-",
  "–",
  "—",
  ":",
  "x",
  "X",
  "*",
  "",
]);

/** True for the symbols agencies write instead of a number. */
export function isMissingSymbol(text: string): boolean {
  return SYMBOLS.has(text.trim());
}

/** Parses a plain decimal number (`-12.5`, `1e3`); with `decimalComma`, `12,5`. Returns NaN when it is not one. */
export function parseDecimal(text: string, decimalComma = false): number {
  const s = decimalComma ? text.replace(",", ".") : text;
  if (s.length === 0 || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
  return Number(s);
}

/** Reads a data cell; `null` value with the symbol or flag as status when it is not a number. */
export function parseCell(raw: string, decimalComma = false): Cell {
  const text = raw.trim();
  const number = parseDecimal(text, decimalComma);
  if (!Number.isNaN(number)) return { value: number, status: null };
  if (SYMBOLS.has(text)) return { value: null, status: text === "" ? null : text };
  // Eurostat: "4700 p", "0 ep", ": c", ":c", ": @N"
  const flagged = /^(\S+)\s*([a-z]{1,4}|@[A-Za-z]{1,4})$/.exec(text);
  if (flagged) {
    const head = flagged[1]!;
    if (head === ":") return { value: null, status: `: ${flagged[2]}` };
    const n = parseDecimal(head, decimalComma);
    if (!Number.isNaN(n)) return { value: n, status: flagged[2]! };
  }
  return { value: null, status: "invalid" };
}
