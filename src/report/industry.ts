import { sourceLine } from "../charts/builders/common.ts";
import { portfolioChart, shiftShareChart } from "../charts/builders/industry.ts";
import type { Locale } from "../charts/locale.ts";
import { portfolio, shiftShare, shiftShareByIndustry } from "../indicators/shiftshare/shiftshare.ts";
import { locationQuotients, specialisation } from "../indicators/specialisation/specialisation.ts";
import { measureOf } from "../indicators/util/panel.ts";
import type { Table } from "../table/table.ts";
import type { Section } from "./sections.ts";
import { formatNumber } from "../charts/locale.ts";
import { INDUSTRY_WORDS } from "../charts/words/report.ts";

export interface IndustrySectionOptions {
  /** First and last year of the shift-share (default: the first and the last year of the data). */
  from?: number;
  to?: number;
  /** Region code of the nation in the table (default: the nation is the sum of the regions). */
  national?: string;
  /** The employment measure (default: the table's only measure). */
  value?: string;
}

/**
 * The industry section of the report from employment by region, industry and year: shift-share of the region
 * against the nation (docs/methods.md §7: national share, industry mix, regional shift; a bar chart per industry),
 * location quotients and the portfolio chart, Krugman specialisation, and a table per industry. Null when the
 * table has no rows for the region, fewer than two years, or the region's shift-share is undefined.
 *
 * @example
 * industrySection(employment, "0428", "Trysil", "nb", { from: 2008, to: 2016, national: "0" })
 */
export function industrySection(
  employment: Table,
  region: string,
  name: string,
  locale: Locale,
  options: IndustrySectionOptions = {},
): Section | null {
  if (!["region", "industry", "year"].every((c) => employment.has(c))) return null;
  const w = INDUSTRY_WORDS[locale];
  const value = measureOf(employment, options.value);
  const years = (employment.filter({ region }).distinct("year") as number[]).sort((a, b) => a - b);
  const from = options.from ?? years[0];
  const to = options.to ?? years.at(-1);
  if (from === undefined || to === undefined || to <= from || !years.includes(from) || !years.includes(to)) return null;
  const base = { from, to, value, ...(options.national === undefined ? {} : { national: options.national }) };
  const total = shiftShare(employment, base).filter({ region }).toRows()[0];
  if (!total || total.change === null) return null;
  const byIndustry = shiftShareByIndustry(employment, base).filter({ region });
  const structure = { value, year: to, ...(options.national === undefined ? {} : { national: options.national }) };
  const lq = new Map(
    locationQuotients(employment, structure)
      .filter({ region })
      .toRows()
      .map((r) => [String(r.industry), r.location_quotient as number | null]),
  );
  const krugman = specialisation(employment, structure).filter({ region }).toRows()[0]?.krugman as
    number | null | undefined;
  const n = (v: unknown, digits = 0) => formatNumber(typeof v === "number" ? v : null, locale, digits);
  const signed = (v: unknown) => (typeof v === "number" && v > 0 ? `+${n(v)}` : n(v));
  const rows = byIndustry.toRows().sort((a, b) => (b.end as number) - (a.end as number));
  return {
    id: "industry",
    heading: w.heading,
    sentence: w.sentence(
      name,
      signed(total.change),
      from,
      to,
      signed(total.national_share),
      signed(total.industry_mix),
      signed(total.regional_shift),
      n(krugman ?? null, 2),
    ),
    charts: [
      shiftShareChart(byIndustry, { region, locale }),
      portfolioChart(portfolio(employment, base).filter({ region }), { region, locale }),
    ],
    table: {
      columns: [w.industry, `${w.employment} ${to}`, w.lq, w.change, w.national, w.mix, w.regional],
      rows: rows.map((r) => [
        String(r.industry),
        n(r.end),
        n(lq.get(String(r.industry)) ?? null, 2),
        signed(r.change),
        signed(r.national_share),
        signed(r.industry_mix),
        signed(r.regional_shift),
      ]),
    },
    sources: [sourceLine(employment.provenance, locale) ?? "", w.note].filter(Boolean),
  };
}
