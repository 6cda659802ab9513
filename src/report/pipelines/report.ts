import type { Locale } from "../../charts/locale.ts";
import { OmvarldError } from "../../errors.ts";
import { renderHtml } from "../html.ts";
import { loadBoundarySet } from "../../regions/boundaries.ts";
import {
  buildSections,
  countryOf,
  type ReportData,
  type ReportOptions,
  reportLocale,
  type Section,
} from "../sections.ts";

export { reportLocale };

/** What `buildReport` makes: the page and the sections it holds. */
export interface BuiltReport {
  /** The self-contained HTML page (charts as inline SVG). */
  html: string;
  name: string;
  /** The region's code in the data (the one asked for, or what it became or was before; see `notes`). */
  code: string;
  sections: Section[];
  /** How the region asked for relates to the data's (a new number, a merger, a division), one sentence each. */
  notes: string[];
  /** Figures to check before use (a projection beyond what its size class makes plausible), in English, for a log. */
  warnings: string[];
  /** The sections the data do not allow, each as "heading: why" ("Pendling: inga data"). */
  missing: string[];
  locale: Locale;
}

/**
 * The HTML report for a region from data already read (see `reportData`): every section the data allow, in one
 * self-contained page, with maps of the county's kommuner where the data are Swedish or Norwegian kommuner (the
 * boundaries are loaded here unless `data.boundaries` holds them). `omvarld report` is this function on the files given to `--data` (see `writeReport`).
 *
 * @example
 * const { data } = reportData(assembleDatasets(tables), "2021");
 * const { html, missing } = await buildReport(data, { region: "2021" });
 */
export async function buildReport(data: ReportData, options: ReportOptions, date?: Date): Promise<BuiltReport> {
  const locale = options.locale ?? reportLocale(data);
  const country = countryOf(data);
  const boundaries = data.boundaries ?? (country ? await loadBoundarySet(country) : undefined);
  const built = buildSections(boundaries ? { ...data, boundaries } : data, { ...options, locale });
  if (built.sections.length === 0) {
    throw new OmvarldError(
      "ARGUMENT",
      `no section of the report can be made for region ${built.code} from the data given`,
      {},
      `what is missing: ${built.missing.join("; ")}`,
    );
  }
  return { ...built, locale, html: await renderHtml(built, locale, date) };
}
