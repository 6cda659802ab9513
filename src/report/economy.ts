import { indexChart } from "../charts/builders/population.ts";
import type { Locale } from "../charts/locale.ts";
import { nutsName } from "../regions/nuts.ts";
import { Table } from "../table/table.ts";
import type { Section } from "./sections.ts";
import { sourceOf } from "./source-lines.ts";
import { formatNumber } from "../charts/locale.ts";
import { REPORT_WORDS } from "../charts/words/report.ts";

/**
 * The economy section from Eurostat's GDP by NUTS region (nama_10r_3gdp): GDP per inhabitant of the region as a
 * share of its country's, 100·GDPpc_r / GDPpc_country, against the other regions of the same NUTS level in the
 * country, and a table every five years. Null when the table has no euro per inhabitant for the region.
 */
export function economySection(gdp: Table, region: string, name: string, locale: Locale): Section | null {
  const w = REPORT_WORDS[locale];
  const perHead = gdp.has("unit") ? gdp.filter({ unit: "EUR_HAB" }) : gdp;
  const country = region.slice(0, 2);
  const level = (code: string) => code.length === region.length && code.startsWith(country);
  const byRegion = new Map<string, Map<number, number>>();
  for (const r of perHead.filter({ region: (c) => level(String(c)) || c === country }).toRows()) {
    if (typeof r.value !== "number") continue;
    if (!byRegion.has(String(r.region))) byRegion.set(String(r.region), new Map());
    byRegion.get(String(r.region))!.set(r.year as number, r.value);
  }
  const national = byRegion.get(country);
  const own = byRegion.get(region);
  if (!national || !own || own.size === 0) return null;
  const shares = [...byRegion]
    .filter(([code]) => code !== country)
    .flatMap(([code, years]) =>
      [...years]
        .filter(([year]) => national.has(year))
        .map(([year, v]) => ({
          region: code,
          region_name: code === region ? name : (nutsName(code) ?? code),
          year,
          index: (100 * v) / national.get(year)!,
        })),
    );
  const years = [...own.keys()].filter((y) => national.has(y)).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const [first, last] = [years[0]!, years.at(-1)!];
  const share = (year: number) => (100 * own.get(year)!) / national.get(year)!;
  const shown = years.filter((y) => (last - y) % 5 === 0);
  return {
    id: "economy",
    heading: w.economy,
    sentence: w.economySentence({
      name,
      pct: formatNumber(share(last), locale, 1),
      year: last,
      pct0: formatNumber(share(first), locale, 1),
      year0: first,
    }),
    charts: [
      indexChart(Table.fromRows(shares, { provenance: gdp.provenance }), {
        focus: region,
        locale,
        labels: "focus",
        title: `${w.gdpTitle} (${w.country.toLowerCase()} = 100)`,
      }),
    ],
    table: {
      columns: [w.year, `${name}, euro`, `${w.country}, euro`, w.share],
      rows: shown.map((y) => [
        String(y),
        formatNumber(own.get(y)!, locale),
        formatNumber(national.get(y)!, locale),
        formatNumber(share(y), locale, 1),
      ]),
    },
    sources: [...sourceOf(gdp, locale), w.gdpNote],
  };
}
