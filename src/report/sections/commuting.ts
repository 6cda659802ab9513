import { commutingChart } from "../../charts/builders/commuting.ts";
import type { Chart } from "../../charts/chart.ts";
import { formatNumber, type Locale, word } from "../../charts/locale.ts";
import { REPORT_WORDS } from "../../charts/words/report.ts";
import type { Table } from "../../table/table.ts";
import type { Section } from "../sections.ts";
import { sourceOf } from "../source-lines.ts";

/**
 * The commuting section: in-, out- and net commuters (in − out) of the region by year, the last year in the
 * sentence; a chart only where there are two years or more (one year is its table row); then the `maps` (the
 * largest flows to and from the kommun).
 */
export function commutingSection(commuting: Table, name: string, locale: Locale, maps: readonly Chart[] = []): Section {
  const w = REPORT_WORDS[locale];
  const rows = commuting.sort("year").toRows();
  const last = rows.at(-1)!;
  const n = (v: unknown) => formatNumber(v as number | null, locale);
  return {
    id: "commuting",
    heading: w.commuting,
    sentence: w.commutingSentence({
      name,
      year: last.year as number,
      inn: n(last.in_commuters),
      out: n(last.out_commuters),
      net: n(last.net_commuting),
    }),
    charts: [
      ...(rows.length > 1
        ? [
            commutingChart(commuting, {
              region: String(last.region),
              locale,
              title: `${name}: ${w.commuting.toLowerCase()}`,
            }),
          ]
        : []),
      ...maps,
    ],
    table: {
      columns: [w.year, word("in_commuters", locale), word("out_commuters", locale), word("net_commuting", locale)],
      rows: rows.map((r) => [String(r.year), n(r.in_commuters), n(r.out_commuters), n(r.net_commuting)]),
    },
    sources: sourceOf(commuting, locale),
  };
}
