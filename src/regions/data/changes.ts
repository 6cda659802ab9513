import { SE_LAN } from "./counties.ts";
import { SE_CODE_LINKS, SE_FORMER_LAN, SE_LAN_LINKS, SE_RENUMBERED_KOMMUNER } from "./se-scb-codes.ts";

/**
 * Code changes that matter for time series. `from` codes become `to` codes on 1 January of `year`:
 * one → one is a new code, many → one a merger, one → many a split (which needs weights to recast). Where several
 * codes go to several codes in one change, `links` says which old code went to which new one (old, new).
 *
 * Norway: every change of SSB's KLASS change table (generated into no-klass.ts, grouped in code-changes.ts).
 * Sweden: the changes below, from SCB (sources at each entry).
 */
export interface CodeChange {
  country: "SE" | "NO";
  year: number;
  from: readonly string[];
  to: readonly string[];
  note?: string;
  /** Which old code went to which new one, where both `from` and `to` hold several codes. */
  links?: readonly (readonly [string, string])[];
}

/**
 * Swedish kommun code changes written by hand, with their sources: SCB's notes to TAB638 (BE0101N1), "Hebys kommunkod
 * ändras från 1917 till 0331"; SCB's series themselves (the first years of Knivsta, Nykvarn, Gnesta and Trosa); Swedish
 * Wikipedia's kommun pages, whose "Kommunkod" entries list SCB's former codes (Borås kommun: "Utbrutet: Bollebygds
 * kommun (1995)"). Heby's move changed two län: Västmanlands län lost it, Uppsala län gained it. Bollebygd's code of 1995-1997 in Älvsborgs län, 1535, is that of SCB's code key (1995-1996
 * column); it became 1443 in 1998 with the rest of the renumbering below.
 */
const SE_HAND_WRITTEN: readonly CodeChange[] = [
  { country: "SE", year: 1992, from: ["0480"], to: ["0480", "0461", "0488"], note: "Gnesta and Trosa split from Nyköping" },
  { country: "SE", year: 1995, from: ["1583"], to: ["1583", "1535"], note: "Bollebygd split from Borås" },
  { country: "SE", year: 1995, from: ["1880"], to: ["1880", "1814"], note: "Lekeberg split from Örebro" },
  { country: "SE", year: 1999, from: ["0181"], to: ["0181", "0140"], note: "Nykvarn split from Södertälje" },
  { country: "SE", year: 2003, from: ["0380"], to: ["0380", "0330"], note: "Knivsta split from Uppsala" },
  { country: "SE", year: 2007, from: ["1917"], to: ["0331"], note: "Heby moved from Västmanlands to Uppsala län" },
  {
    country: "SE",
    year: 2007,
    from: ["03", "19"],
    to: ["03", "19"],
    links: [
      ["03", "03"],
      ["19", "03"],
      ["19", "19"],
    ],
    note: "Heby moved from Västmanlands län to Uppsala län",
  },
];

const lanName = (code: string, year: number): string =>
  SE_FORMER_LAN.find(([c, , last]) => c === code && year <= last)?.[1] ??
  SE_LAN.find(([c]) => c === code)?.[1] ??
  code;

/**
 * The län mergers as changes, one per year: the links of a year form one group (Kristianstads län and Malmöhus län →
 * Skåne län, 1997; Göteborgs och Bohus, Älvsborgs and Skaraborgs län → Västra Götalands län, with Jönköpings län
 * taking Habo and Mullsjö, 1998).
 */
function lanMergers(): CodeChange[] {
  const years = [...new Set(SE_LAN_LINKS.map(([year]) => year))];
  return years.map((year) => {
    const links = SE_LAN_LINKS.filter(([y]) => y === year).map(([, o, n]) => [o, n] as const);
    const from = [...new Set(links.map(([o]) => o))].sort();
    const to = [...new Set(links.map(([, n]) => n))].sort();
    const note = `${from.map((c) => lanName(c, year - 1)).join(", ")} → ${to.map((c) => lanName(c, year)).join(", ")}`;
    return { country: "SE", year, from, to, note, ...(from.length > 1 && to.length > 1 ? { links } : {}) };
  });
}

/**
 * Swedish kommun and län code changes since 1992: the hand-written ones above, and the county mergers of 1997 (Skåne
 * län) and 1998 (Västra Götalands län) from SCB's kommun code key (generated into se-scb-codes.ts by
 * scripts/build-scb-codes.mjs): 49 kommuner renumbered one to one (Kristianstad 1180 → 1290, Borås 1583 → 1490, Habo
 * 1623 → 0643, ...) and the län merged (11 → 12; 15, 16 → 14, 16 → 06 for Habo and Mullsjö). Malmöhus län's and
 * Göteborgs och Bohus län's kommuner kept their codes (Malmö 1280, Göteborg 1480). Oldest first.
 */
export const SE_CHANGES: readonly CodeChange[] = [
  ...SE_HAND_WRITTEN,
  ...SE_CODE_LINKS.map(
    ([year, from, to]): CodeChange => ({
      country: "SE",
      year,
      from: [from],
      to: [to],
      note: `${SE_RENUMBERED_KOMMUNER.find(([c]) => c === from)?.[1] ?? from}, ${lanName(from.slice(0, 2), year - 1)} → ${lanName(to.slice(0, 2), year)}`,
    }),
  ),
  ...lanMergers(),
].sort((a, b) => a.year - b.year);

/** Former Swedish kommun codes: [code, name, last year]; the first year comes from the changes (Bollebygd 1535: 1995). */
export const SE_FORMER_KOMMUNER: readonly (readonly [string, string, number])[] = [
  ...SE_RENUMBERED_KOMMUNER,
  ["1917", "Heby", 2006],
];
