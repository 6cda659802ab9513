import type { Locale } from "../locale.ts";

/** The words of the maps in each language: the legend's entries for areas without a value, the boundaries' source. */
export interface MapWords {
  /** A kommun the data give no value for. */
  noData: string;
  /** An area that stands for several kommuner of the data's year, merged later. */
  merged: (year: number) => string;
  /** An area that is a part of a kommun of the data's year, split later. */
  split: (year: number) => string;
  /** "Kartdata", before the boundaries' source. */
  boundaries: string;
  kommun: string;
  from: string;
  to: string;
  inCommuting: string;
  outCommuting: string;
  /** The flow map's title. */
  flowsTitle: (name: string, year: number) => string;
  /** The population map's title and legend: the change between two years in percent. */
  populationChange: (from: number, to: number) => string;
  change: (from: number, to: number) => string;
  /** The county map's title: "Dalarnas län: befolkningsförändring 2010–2019". */
  inCounty: (county: string, what: string) => string;
}

export const MAP_WORDS: Readonly<Record<Locale, MapWords>> = {
  sv: {
    noData: "Uppgift saknas",
    merged: (year) => `Sammanslagen efter ${year}: ingen egen gräns`,
    split: (year) => `Delad efter ${year}: ingen egen gräns`,
    boundaries: "Kartdata",
    kommun: "Kommun",
    from: "Från",
    to: "Till",
    inCommuting: "Inpendling",
    outCommuting: "Utpendling",
    flowsTitle: (name, year) => `${name}: största pendlingsströmmarna ${year}`,
    populationChange: (from, to) => `Befolkningsförändring ${from}–${to}`,
    change: (from, to) => `Förändring ${from}–${to}`,
    inCounty: (county, what) => `${county}: ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
  },
  nb: {
    noData: "Mangler data",
    merged: (year) => `Slått sammen etter ${year}: ingen egen grense`,
    split: (year) => `Delt etter ${year}: ingen egen grense`,
    boundaries: "Kartgrunnlag",
    kommun: "Kommune",
    from: "Fra",
    to: "Til",
    inCommuting: "Innpendling",
    outCommuting: "Utpendling",
    flowsTitle: (name, year) => `${name}: største pendlingsstrømmer ${year}`,
    populationChange: (from, to) => `Befolkningsendring ${from}–${to}`,
    change: (from, to) => `Endring ${from}–${to}`,
    inCounty: (county, what) => `${county}: ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
  },
  en: {
    noData: "No data",
    merged: (year) => `Merged after ${year}: no boundary of its own`,
    split: (year) => `Split after ${year}: no boundary of its own`,
    boundaries: "Boundaries",
    kommun: "Municipality",
    from: "From",
    to: "To",
    inCommuting: "In-commuting",
    outCommuting: "Out-commuting",
    flowsTitle: (name, year) => `${name}: largest commuting flows ${year}`,
    populationChange: (from, to) => `Population change ${from}–${to}`,
    change: (from, to) => `Change ${from}–${to}`,
    inCounty: (county, what) => `${county}: ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
  },
};
