import type { Locale } from "../../charts/locale.ts";
import { OmvarldError } from "../../errors.ts";
import { renderHtml } from "../html.ts";
import { buildSections, type ReportData, type ReportOptions, type Section } from "../sections.ts";

/** What `buildReport` makes: the page and the sections it holds. */
export interface BuiltReport {
  /** The self-contained HTML page (charts as inline SVG). */
  html: string;
  name: string;
  sections: Section[];
  /** Headings of the sections the data do not allow. */
  missing: string[];
  locale: Locale;
}

/** The report's language when none is asked for: Norwegian (nb) for SSB's kommune tables, else Swedish. */
export function reportLocale(data: ReportData): Locale {
  return data.municipal?.country === "NO" ? "nb" : "sv";
}

/**
 * The HTML report for a region from data already read (see `reportData`): every section the data allow, in one
 * self-contained page. `omvarld report` is this function on the files given to `--data` (see `writeReport`).
 *
 * @example
 * const { data } = reportData(assembleDatasets(tables), "2021");
 * const { html, missing } = await buildReport(data, { region: "2021" });
 */
export async function buildReport(data: ReportData, options: ReportOptions, date?: Date): Promise<BuiltReport> {
  const locale = options.locale ?? reportLocale(data);
  const built = buildSections(data, { ...options, locale });
  if (built.sections.length === 0) {
    throw new OmvarldError(
      "ARGUMENT",
      `no section of the report can be made for region ${options.region} from the data given`,
      {},
      "pass a panel with population and jobs, such as data/tf/no-regions-2003-2016.csv",
    );
  }
  return { ...built, locale, html: await renderHtml(built, locale, date) };
}
