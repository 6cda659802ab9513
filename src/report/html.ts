import type { Locale } from "../charts/locale.ts";
import type { Section } from "./sections.ts";
import { breakable } from "../charts/words/breaks.ts";
import { REPORT_WORDS } from "../charts/words/report.ts";

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** Tables of more columns than this get small type, the page's full width and heads that wrap, so that they fit an A4 page. */
const WIDE = 6;

const STYLE = `
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 880px; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
  h1 { font-size: 1.7rem; margin-bottom: 0.2rem; } h2 { font-size: 1.25rem; border-bottom: 2px solid #D55E00; padding-bottom: 0.2rem; margin-top: 2.2rem; }
  .lead { font-size: 1.05rem; font-weight: bold; } figure { margin: 1rem 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; }
  table { border-collapse: collapse; margin: 0.8rem 0; font-size: 0.9rem; break-inside: avoid; max-width: 100%; } th, td { padding: 0.2rem 0.7rem; border-bottom: 1px solid #ddd; }
  th { vertical-align: bottom; text-align: right; hyphens: manual; } @media screen { .table { overflow-x: auto; } }
  td { text-align: right; font-variant-numeric: tabular-nums; } td:first-child, th:first-child { text-align: left; }
  table.wide { width: 100%; font-size: 0.75rem; } table.wide th, table.wide td { padding: 0.15rem 0.25rem; }
  .source { color: #555; font-size: 0.85rem; } .note { background: #fff4e5; border-left: 4px solid #D55E00; padding: 0.4rem 0.7rem; } footer { margin-top: 3rem; color: #777; font-size: 0.8rem; }
  section { break-before: auto; } @media print { body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; } footer { margin-top: 1rem; } }
  footer { break-before: avoid; page-break-before: avoid; }
  .head, .table, #missing { break-inside: avoid; page-break-inside: avoid; } h2 { break-after: avoid; page-break-after: avoid; }`;

/**
 * The report as one self-contained HTML page: inline SVG charts and CSS, no scripts, nothing fetched, so that it
 * opens on a municipal intranet and prints to PDF as it is.
 */
export async function renderHtml(
  report: { name: string; sections: Section[]; missing: string[]; notes?: readonly string[] },
  locale: Locale,
  date: Date = new Date(),
): Promise<string> {
  const w = REPORT_WORDS[locale];
  const parts: string[] = [];
  for (const s of report.sections) {
    const figures = await Promise.all(s.charts.map(async (c) => `<figure>${await c.toSVG()}</figure>`));
    const table = s.table
      ? `<div class="table"><table${s.table.columns.length > WIDE ? ' class="wide"' : ""}><thead><tr>${s.table.columns.map((c) => `<th>${escape(breakable(c, locale))}</th>`).join("")}</tr></thead><tbody>${s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${escape(c)}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`
      : "";
    parts.push(
      `<section id="${s.id}"><div class="head"><h2>${escape(s.heading)}</h2><p class="lead">${escape(s.sentence)}</p>${figures[0] ?? ""}</div>${figures.slice(1).join("")}${table}${s.sources.map((x) => `<p class="source">${escape(x)}</p>`).join("")}</section>`,
    );
  }
  // each entry names the section and why it is missing
  const missing = report.missing.length
    ? `<section id="missing"><h2>${escape(w.missing)}</h2><ul>${report.missing.map((m) => `<li>${escape(m)}</li>`).join("")}</ul></section>`
    : "";
  const notes = (report.notes ?? []).map((n) => `<p class="note">${escape(n)}</p>`).join("");
  return `<!DOCTYPE html>
<html lang="${locale === "nb" ? "nb" : locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(w.title(report.name))}</title><style>${STYLE}</style></head>
<body><h1>${escape(w.title(report.name))}</h1>
${notes}
${parts.join("\n")}
${missing}
<footer>${escape(w.generated)}, ${date.toISOString().slice(0, 10)}</footer>
</body></html>
`;
}
