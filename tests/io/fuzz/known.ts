import type { CaseResult, Outcome } from "./harness.ts";

/**
 * Failures the fuzz test knows about and tolerates for now: every entry is an open defect, named by mutation, the
 * formats it hits and the outcome, with the layer that has to fix it. The test fails on any failure not listed.
 * When a layer is fixed, delete its entries: the test then holds the fix in place.
 */
export interface KnownFailure {
  mutation: string;
  /** Formats (as sniffed) the failure occurs in; "*" for all. */
  formats: readonly string[] | "*";
  outcomes: readonly Outcome[];
  /** The code that has to change. */
  layer: string;
  reason: string;
}

const CSV_LAYER = "CSV/text layer (src/io/decode.ts, values.ts, tidy.ts, csv/)";

export const KNOWN_FAILURES: readonly KnownFailure[] = [
  { mutation: "double-encoded", formats: "*", outcomes: ["silent-different"], layer: "src/io/decode.ts", reason: "UTF-8 read as Latin-1 and saved again (Ã¶ for ö) is not detected or repaired" },
  { mutation: "mixed-encoding", formats: "*", outcomes: ["silent-different"], layer: "src/io/decode.ts", reason: "a file that is partly UTF-8, partly Latin-1 is decoded as Windows-1252 throughout (mojibake labels)" },
  { mutation: "utf16le-no-bom", formats: "*", outcomes: ["error-unplaced", "silent-different"], layer: "src/io/decode.ts", reason: "UTF-16 without a BOM is called binary data instead of being decoded" },
  { mutation: "en-dash-cp1252", formats: ["csv"], outcomes: ["silent-different"], layer: "src/io/decode.ts", reason: "Windows-1252 0x96 (en dash as missing marker) is decoded as the C1 control U+0096, so the symbol is not recognised" },
  { mutation: "delimiter-swap", formats: ["csv"], outcomes: ["silent-different"], layer: CSV_LAYER, reason: "Lagostra with commas: the header \"increase 2018-2019\" turns into a dimension" },
  { mutation: "nul-bytes", formats: ["csv"], outcomes: ["error-unplaced", "silent-different"], layer: CSV_LAYER, reason: "NUL bytes in a file with a BOM are not caught by the binary check and reach the cell parser, whose error prints them raw" },
  { mutation: "bom-in-middle", formats: ["csv"], outcomes: ["silent-different"], layer: CSV_LAYER, reason: "a BOM at the start of a line stays in the label" },
  { mutation: "duplicate-row", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "identical duplicate observations are kept twice" },
  { mutation: "duplicate-row-conflicting", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "conflicting duplicate observations are kept" },
  { mutation: "concatenated-twice", formats: ["csv"], outcomes: ["silent-different", "warned-different", "error-unplaced"], layer: CSV_LAYER, reason: "a file joined to itself: the repeated header and rows load" },
  { mutation: "excel-thousands-separators", formats: ["csv"], outcomes: ["silent-different", "warned-different", "error-unplaced"], layer: CSV_LAYER, reason: "grouping marks (1.234 / 1 234) read as decimals or as text" },
  { mutation: "excel-lost-leading-zeros", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "codes that lost their leading zeros are not always repaired" },
  { mutation: "over-long-number", formats: ["csv"], outcomes: ["silent-different", "error-unplaced"], layer: CSV_LAYER, reason: "an over-long number becomes missing (Infinity) without an error" },
  { mutation: "ragged-extra-cell", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "an unquoted delimiter inside a label shifts the cells of its row" },
  { mutation: "ragged-missing-cell", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "a row with a cell missing loads shifted" },
  { mutation: "truncate-mid-line", formats: ["csv"], outcomes: ["silent-different", "warned-different"], layer: CSV_LAYER, reason: "a CSV cut inside its last number loads the shortened number (undetectable where the original has no final line break)" },
];

/** True when a failing case is listed above. */
export function isKnown(r: CaseResult): boolean {
  return KNOWN_FAILURES.some((k) => k.mutation === r.mutation && (k.formats === "*" || k.formats.includes(r.format)) && k.outcomes.includes(r.outcome));
}
