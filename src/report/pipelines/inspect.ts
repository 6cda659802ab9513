import type { Locale } from "../../charts/locale.ts";
import { describe } from "../../io/describe.ts";
import type { Table } from "../../table/table.ts";
import { localeOr } from "../../charts/words/locales.ts";

/**
 * What `omvarld inspect` prints about a table read from a file: the detected format, encoding and delimiter, the
 * dimensions with their distinct counts, the measures, the year range, the rows and the missing cells (counts in the
 * locale's format, default Swedish); with `json`, one JSON object (see `describe`).
 *
 * @example
 * console.log(inspectText(read("data/scb/befolkning.csv"), { file: "data/scb/befolkning.csv" }));
 * // file:       data/scb/befolkning.csv
 * // format:     csv (delimiter ","), encoding windows-1252 …
 */
export function inspectText(table: Table, options: { file?: string; json?: boolean; locale?: Locale } = {}): string {
  const d = describe(table);
  const file = options.file ?? table.provenance.file ?? "(table)";
  if (options.json) return JSON.stringify({ file, ...d }, null, 2);
  const n = (x: number) => count(x, localeOr(options.locale));
  const lines = [
    `file:       ${file}`,
    `format:     ${d.format}${d.delimiter ? ` (delimiter ${JSON.stringify(d.delimiter)})` : ""}, encoding ${d.encoding}`,
    ...(d.title ? [`title:      ${d.title}`] : []),
    ...(d.source || d.tableId ? [`source:     ${[d.source, d.tableId].filter(Boolean).join(", ")}`] : []),
    `rows:       ${n(d.rows)}`,
    `dimensions: ${Object.entries(d.dimensions)
      .map(([k, v]) => `${k} (${n(v)})`)
      .join(", ")}`,
    `measures:   ${d.measures.join(", ")}`,
    `years:      ${d.years ? `${d.years[0]}–${d.years[1]}` : "none"}`,
    `missing:    ${n(d.missing)}${
      Object.keys(d.symbols).length
        ? ` (${Object.entries(d.symbols)
            .map(([s, k]) => `"${s}" ×${n(k)}`)
            .join(", ")})`
        : ""
    }`,
    ...d.warnings.map((w) => `warning:    ${w}`),
  ];
  return lines.join("\n");
}

/**
 * A count with its digits grouped as `formatNumber` groups them ("8 775" with a no-break space in sv and nb, "8,775"
 * in en). Written out rather than through Intl.NumberFormat: building the first formatter loads ICU's locale data,
 * measured at 60-130 ms of the 0.4 s CPU that `omvarld inspect` took on the loaded test machine (cpu profiles).
 *
 * @example
 * count(2900000, "sv") // "2 900 000"
 */
function count(n: number, locale: Locale): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, locale === "en" ? "," : "\u00a0");
}
