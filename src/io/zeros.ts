import { OmvarldError, type ErrorPlace } from "../errors.ts";
import { type Country, REGIONS, type Region } from "../regions/registry.ts";

export interface CodeEntry {
  code: string;
  /** The name written beside the code ("114 Upplands Väsby"), if any. */
  name: string | null;
}

const byCode = new Map<string, Region[]>();
for (const r of REGIONS) (byCode.get(r.code) ?? byCode.set(r.code, []).get(r.code)!).push(r);

const simplify = (name: string) =>
  name
    .toLowerCase()
    .replace(/\s+(kommun|kommune|county|län|fylke)$/u, "")
    .replace(/s$/u, "")
    .trim();

/**
 * Swedish and Norwegian codes that lost their leading zero in a spreadsheet ("114" for 0114, "1" for 01): each
 * 1- or 3-digit code is given its zero back where the region registry knows exactly one region under the padded
 * code, in the country the file's other codes (or names) belong to, and under the same name where the file gives
 * one. Returns the codes (unchanged where nothing was lost) and a warning naming an example; a code that cannot be
 * repaired without guessing is an error at its place.
 *
 * Nothing was lost from a code that still starts with a zero (a spreadsheet drops every leading zero, so SSB's
 * price regions "001"-"011" stay as they are), nor from codes none of which the registry knows once padded (codes of
 * another classification, such as "100" and "200", load as they are).
 *
 * @example
 * repairLostZeros([{ code: "114", name: "Upplands Väsby" }, { code: "2021", name: "Vansbro" }])
 * // { codes: ["0114", "2021"], warning: 'region codes had lost their leading zeros (e.g. "114" → "0114" Upplands Väsby) ...' }
 */
export function repairLostZeros(
  entries: readonly CodeEntry[],
  place: (index: number) => ErrorPlace = () => ({}),
): { codes: string[]; warning: string | null } {
  const codes = entries.map((e) => e.code);
  const suspect = entries.map((e) => /^[1-9](\d{2})?$/.test(e.code));
  if (!suspect.some(Boolean)) return { codes, warning: null };
  // codes of another classification: not one of them is a region once padded
  if (!entries.some((e, k) => suspect[k] && byCode.has(`0${e.code}`))) return { codes, warning: null };
  // the country of the file: by its intact codes, and by names that match the registry's
  const votes: Record<Country, number> = { SE: 0, NO: 0 };
  entries.forEach((e, k) => {
    if (suspect[k]) return;
    const found = byCode.get(e.code) ?? [];
    const countries = new Set(
      found.filter((r) => e.name === null || simplify(r.name) === simplify(e.name)).map((r) => r.country),
    );
    if (countries.size === 1) votes[[...countries][0]!]++;
  });
  const country: Country | undefined = votes.SE > votes.NO ? "SE" : votes.NO > votes.SE ? "NO" : undefined;
  let example = "";
  let repaired = 0;
  const out = entries.map((e, k) => {
    if (!suspect[k]) return e.code;
    const padded = `0${e.code}`;
    let candidates = byCode.get(padded) ?? [];
    if (e.name !== null) {
      const named = candidates.filter((r) => simplify(r.name) === simplify(e.name!));
      if (named.length > 0 || country !== undefined) candidates = named.length > 0 ? named : candidates;
    }
    if (country !== undefined && candidates.some((r) => r.country === country))
      candidates = candidates.filter((r) => r.country === country);
    const distinct = new Set(candidates.map((r) => `${r.country}:${r.name}`));
    if (candidates.length === 0 || distinct.size > 1) {
      const why =
        candidates.length === 0
          ? `"${padded}" is no region the registry knows`
          : `"${padded}" is ${[...distinct].map((d) => d.replace(":", " ")).join(" or ")}`;
      throw new OmvarldError(
        "REGION_CODE",
        `region code "${e.code}"${e.name ? ` (${e.name})` : ""} may have lost its leading zero, but ${why}`,
        place(k),
        "write the codes as text with their zeros (format the column as text in Excel, or export again from the agency)",
      );
    }
    repaired++;
    example ||= `"${e.code}" → "${padded}" ${candidates[0]!.name}`;
    return padded;
  });
  return {
    codes: out,
    warning: `region codes had lost their leading zeros (e.g. ${example}); ${repaired} ${repaired === 1 ? "was" : "were"} restored from the region registry (was the file saved by Excel?)`,
  };
}
