import { sourceLine } from "../charts/builders/common.ts";
import { portfolioChart, shiftShareChart } from "../charts/builders/industry.ts";
import type { Locale } from "../charts/locale.ts";
import { portfolio, shiftShare, shiftShareByIndustry } from "../indicators/shiftshare/shiftshare.ts";
import { locationQuotients, specialisation } from "../indicators/specialisation/specialisation.ts";
import { measureOf } from "../indicators/util/panel.ts";
import type { Table } from "../table/table.ts";
import type { Section } from "./sections.ts";
import { formatNumber } from "./text.ts";

const WORDS = {
  sv: {
    heading: "Näringsliv: sysselsättning per bransch", industry: "Bransch", employment: "Sysselsatta", lq: "Lokaliseringskvot",
    change: "Förändring", national: "Rikets utveckling", mix: "Branschstruktur", regional: "Regional effekt",
    sentence: (name: string, change: string, from: number, to: number, national: string, mix: string, regional: string, krugman: string) =>
      `Sysselsättningen i ${name} förändrades med ${change} från ${from} till ${to}: ${national} följer av rikets utveckling, ${mix} av branschstrukturen och ${regional} är en regional effekt. Krugmans specialiseringsindex är ${krugman} (0 = samma struktur som riket, 2 = helt olika).`,
    note: "Shift-share enligt Dunn (1960) mot riket; lokaliseringskvot över 1: branschen är större i regionen än i riket.",
  },
  nb: {
    heading: "Næringsliv: sysselsetting etter næring", industry: "Næring", employment: "Sysselsatte", lq: "Lokaliseringskvotient",
    change: "Endring", national: "Nasjonal vekst", mix: "Næringsstruktur", regional: "Regional effekt",
    sentence: (name: string, change: string, from: number, to: number, national: string, mix: string, regional: string, krugman: string) =>
      `Sysselsettingen i ${name} endret seg med ${change} fra ${from} til ${to}: ${national} følger av den nasjonale veksten, ${mix} av næringsstrukturen og ${regional} er en regional effekt. Krugmans spesialiseringsindeks er ${krugman} (0 = samme struktur som landet, 2 = helt ulik).`,
    note: "Shift-share etter Dunn (1960) mot landet; lokaliseringskvotient over 1: næringen er større i regionen enn i landet.",
  },
  en: {
    heading: "Business: employment by industry", industry: "Industry", employment: "Employment", lq: "Location quotient",
    change: "Change", national: "National growth", mix: "Industry mix", regional: "Regional shift",
    sentence: (name: string, change: string, from: number, to: number, national: string, mix: string, regional: string, krugman: string) =>
      `Employment in ${name} changed by ${change} from ${from} to ${to}: ${national} from national growth, ${mix} from the industry mix and ${regional} a regional shift. Krugman's specialisation index is ${krugman} (0 = the nation's structure, 2 = entirely different).`,
    note: "Shift-share after Dunn (1960) against the nation; a location quotient above 1: the industry is larger in the region than in the nation.",
  },
};

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
export function industrySection(employment: Table, region: string, name: string, locale: Locale, options: IndustrySectionOptions = {}): Section | null {
  if (!["region", "industry", "year"].every((c) => employment.has(c))) return null;
  const w = WORDS[locale];
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
  const lq = new Map(locationQuotients(employment, structure).filter({ region }).toRows().map((r) => [String(r.industry), r.location_quotient as number | null]));
  const krugman = specialisation(employment, structure).filter({ region }).toRows()[0]?.krugman as number | null | undefined;
  const n = (v: unknown, digits = 0) => formatNumber(typeof v === "number" ? v : null, locale, digits);
  const signed = (v: unknown) => (typeof v === "number" && v > 0 ? `+${n(v)}` : n(v));
  const rows = byIndustry.toRows().sort((a, b) => (b.end as number) - (a.end as number));
  return {
    id: "industry", heading: w.heading,
    sentence: w.sentence(name, signed(total.change), from, to, signed(total.national_share), signed(total.industry_mix), signed(total.regional_shift), n(krugman ?? null, 2)),
    charts: [
      shiftShareChart(byIndustry, { region, locale }),
      portfolioChart(portfolio(employment, base).filter({ region }), { region, locale }),
    ],
    table: {
      columns: [w.industry, `${w.employment} ${to}`, w.lq, w.change, w.national, w.mix, w.regional],
      rows: rows.map((r) => [String(r.industry), n(r.end), n(lq.get(String(r.industry)) ?? null, 2), signed(r.change), signed(r.national_share), signed(r.industry_mix), signed(r.regional_shift)]),
    },
    sources: [sourceLine(employment.provenance, locale) ?? "", w.note].filter(Boolean),
  };
}
