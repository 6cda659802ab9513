import { describe } from "../io/describe.ts";
import { read } from "../io/node.ts";

/** `omvarld inspect FILE [--json]`: what was detected in a file. */
export function inspect(file: string, json: boolean): string {
  const table = read(file);
  const d = describe(table);
  if (json) return JSON.stringify({ file, ...d }, null, 2);
  const lines = [
    `file:       ${file}`,
    `format:     ${d.format}${d.delimiter ? ` (delimiter ${JSON.stringify(d.delimiter)})` : ""}, encoding ${d.encoding}`,
    ...(d.title ? [`title:      ${d.title}`] : []),
    ...(d.source || d.tableId ? [`source:     ${[d.source, d.tableId].filter(Boolean).join(", ")}`] : []),
    `rows:       ${d.rows}`,
    `dimensions: ${Object.entries(d.dimensions).map(([k, v]) => `${k} (${v})`).join(", ")}`,
    `measures:   ${d.measures.join(", ")}`,
    `years:      ${d.years ? `${d.years[0]}–${d.years[1]}` : "none"}`,
    `missing:    ${d.missing}${Object.keys(d.symbols).length ? ` (${Object.entries(d.symbols).map(([s, n]) => `"${s}" ×${n}`).join(", ")})` : ""}`,
    ...d.warnings.map((w) => `warning:    ${w}`),
  ];
  return lines.join("\n");
}
