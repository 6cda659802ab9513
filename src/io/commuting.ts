import { OmvarldError } from "../errors.ts";
import { parseRegionLabel } from "../regions/labels.ts";
import type { Table } from "../table/table.ts";
import { asCanonical, CommutingFlows, CommutingStocks } from "./canonical.ts";

/** Which commuting stock a contents label names (SCB, SSB, English); null when none. */
export function commutingStockOf(
  label: string,
): "employed_residents" | "in_commuters" | "out_commuters" | "jobs" | null {
  const l = label.toLowerCase();
  if (/inpendl|innpendl|in-?commut/.test(l)) return "in_commuters";
  if (/utpendl|out-?commut/.test(l)) return "out_commuters";
  if (/nattbefolkning|bosted|bosatt|boende|employed residents|by residence|efter bostad/.test(l))
    return "employed_residents";
  if (/dagbefolkning|arbeidssted|arbetsställe|arbetsställe|workplace|by work|^jobs$/.test(l)) return "jobs";
  return null;
}

/**
 * Commuting stocks (SSB 11616; SCB AM0207/AM0210 pendling tables) as CommutingStocks: a `contents` dimension
 * whose labels name employed residents (nattbefolkning, bosatte), in-commuters, out-commuters and jobs
 * (dagbefolkning, arbeidssted) becomes one column each. Sex-split tables must be filtered to the total first:
 * SCB's totals need not equal men + women from 2022, and small cells are rounded.
 */
export function asCommutingStocks(input: Table): Table {
  // JSON-stat and PX keep the contents' code and label apart: the label says which stock it is
  const table = input.has("contents_name") ? input.drop("contents").rename({ contents_name: "contents" }) : input;
  if (!table.has("contents")) return asCanonical(table, CommutingStocks);
  const rename: Record<string, string> = {};
  for (const label of table.distinct("contents") as string[]) {
    const stock = commutingStockOf(label);
    if (stock) rename[label] = stock;
  }
  const id = table.names("dimension").filter((d) => d !== "contents" && d !== "region_name");
  const wide = table
    .drop(...table.names("status"))
    .filter({ contents: Object.keys(rename) })
    .pivotWider({ names: "contents", values: "value", id });
  return asCanonical(wide.rename(rename), CommutingStocks);
}

const ORIGIN = /bostad|bosted|residence|origin|^home|living/i;
const DESTINATION = /arbets|arbeids|work|destination/i;

/**
 * Origin-destination flows (SCB AM0210F/ArRegPend2, SSB commuting matrices) as CommutingFlows: the dimension
 * of residence (bostadskommun, bostedskommune) becomes `origin`, that of work (arbetsställekommun,
 * arbeidsstedskommune) `destination`, and labels such as "0114 Upplands Väsby" become codes. A wide matrix, one
 * column per workplace ("0114 Upplands Väsby", ...), is gathered into long form first.
 */
export function asCommutingFlows(table: Table): Table {
  let t = table;
  const measures = t.names("measure");
  const regionHeaders = measures.filter((m) => parseRegionLabel(m) !== null);
  if (regionHeaders.length >= 2 && regionHeaders.length === measures.length) {
    t = t.pivotLonger({ columns: regionHeaders, namesTo: "destination", valuesTo: "value" });
    if (t.has("region")) t = t.rename({ region: "origin" });
  }
  const dims = t.names("dimension").filter((d) => d !== "region_name");
  // a residence column read as "region" (its cells carry region codes) is the origin
  const origin = t.has("origin")
    ? "origin"
    : (dims.find((d) => ORIGIN.test(d)) ?? (t.has("region") ? "region" : undefined));
  const destination = t.has("destination") ? "destination" : dims.find((d) => DESTINATION.test(d));
  if (!origin || !destination) {
    throw new OmvarldError(
      "SCHEMA",
      "cannot tell the dimension of residence from that of work",
      { file: t.provenance.file },
      `rename them: table.rename({ "<residence>": "origin", "<workplace>": "destination" }); the table has ${t.columnNames.join(", ")}`,
    );
  }
  t = t.rename({ [origin]: "origin", [destination]: "destination" });
  if (t.has("region_name")) t = t.drop("region_name");
  for (const side of ["origin", "destination"]) {
    t = t.withColumn(
      side,
      t.strings(side).mapValues((label) => parseRegionLabel(label)?.code ?? label),
      "dimension",
    );
  }
  return asCanonical(t, CommutingFlows);
}
