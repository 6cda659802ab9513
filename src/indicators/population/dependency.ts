import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";
import { measureOf, toTable } from "../util/panel.ts";
import { type AgeBand, overlaps, parseAgeBand, within } from "./ages.ts";

/** The age bands of a dependency ratio. */
export interface DependencyBands {
  young: AgeBand;
  working: AgeBand;
  old: AgeBand;
}

/** SCB's demografisk försörjningskvot: (0–19 + 65+) / 20–64 (docs/methods.md §8.2). */
export const SE_BANDS: DependencyBands = {
  young: { from: 0, to: 19 },
  working: { from: 20, to: 64 },
  old: { from: 65, to: Infinity },
};
/** Norway: 20–66 working, 67+ old (aldersbæreevne = 20–66 / 67+). */
export const NO_BANDS: DependencyBands = {
  young: { from: 0, to: 19 },
  working: { from: 20, to: 66 },
  old: { from: 67, to: Infinity },
};
/** Eurostat's groups: 0–14, 15–64, 65+. */
export const EUROSTAT_BANDS: DependencyBands = {
  young: { from: 0, to: 14 },
  working: { from: 15, to: 64 },
  old: { from: 65, to: Infinity },
};

/**
 * Dependency ratios per region and year from population by age (docs/methods.md §8.2):
 *
 *     ratio = 100·(young + old)/working       (SE demografisk försörjningskvot with SE_BANDS)
 *     total_ratio = 100·total/working          (the total-population variant)
 *     support = working/old                    (NO aldersbæreevne with NO_BANDS)
 *
 * The table's age groups (single years or bands such as "65-79 år", "Y_GE65") must each fall inside one of the
 * bands; a group that straddles a band's edge is an error, never a silent split. Totals are left out.
 */
export function dependencyRatios(table: Table, options: { bands?: DependencyBands; value?: string } = {}): Table {
  const bands = options.bands ?? SE_BANDS;
  const value = measureOf(table, options.value);
  const sums = new Map<
    string,
    { region: string; year: number; young: number; working: number; old: number; other: number; missing: boolean }
  >();
  const seen = new Map<string, AgeBand | null>();
  for (let i = 0; i < table.numRows; i++) {
    const label = String(table.get("age", i));
    if (!seen.has(label)) seen.set(label, parseAgeBand(label));
    const band = seen.get(label)!;
    if (!band) continue; // a total or an unknown age
    const place = (["young", "working", "old"] as const).find((k) => within(band, bands[k]));
    if (!place && (["young", "working", "old"] as const).some((k) => overlaps(band, bands[k]))) {
      throw new OmvarldError(
        "ARGUMENT",
        `the age group "${label}" straddles the edge of a band of the ratio`,
        { file: table.provenance.file },
        "choose bands that match the table's age groups (e.g. EUROSTAT_BANDS for 0-14/15-64/65+)",
      );
    }
    const region = table.get("region", i) as string;
    const year = table.get("year", i) as number;
    const key = `${region}|${year}`;
    const s = sums.get(key) ?? { region, year, young: 0, working: 0, old: 0, other: 0, missing: false };
    const v = table.get(value, i) as number | null;
    if (v === null) s.missing = true;
    else if (place) s[place] += v;
    else s.other += v;
    sums.set(key, s);
  }
  const rows = [...sums.values()].map((s) => {
    const ok = !s.missing && s.working > 0;
    return {
      region: s.region,
      year: s.year,
      young: s.missing ? null : s.young,
      working: s.missing ? null : s.working,
      old: s.missing ? null : s.old,
      ratio: ok ? (100 * (s.young + s.old)) / s.working : null,
      total_ratio: ok ? (100 * (s.young + s.working + s.old + s.other)) / s.working : null,
      support: !s.missing && s.old > 0 ? s.working / s.old : null,
      note: s.missing ? "an age group is missing" : s.working <= 0 ? "no population of working age" : null,
    };
  });
  return toTable(rows, ["region"], table.provenance);
}
