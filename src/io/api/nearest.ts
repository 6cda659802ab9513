import { editDistance } from "../../regions/edit-distance.ts";

/**
 * The valid names closest to `wanted` (smallest edit distance first; names that contain it, or that it contains,
 * count as distance 1), at most `count` of them.
 *
 * @example
 * nearest("Regon", ["Region", "Kon", "Tid"]); // ["Region", "Kon", "Tid"]
 */
export function nearest(wanted: string, valid: readonly string[], count = 3): string[] {
  const w = wanted.toLowerCase();
  return valid
    .map((name) => {
      const n = name.toLowerCase();
      const contains = w.length > 0 && (n.includes(w) || w.includes(n));
      return { name, distance: contains ? Math.min(1, editDistance(w, n)) : editDistance(w, n) };
    })
    .sort((x, y) => x.distance - y.distance || x.name.localeCompare(y.name))
    .slice(0, count)
    .map((x) => x.name);
}

/** `"Regon"` → `the nearest: "Region", "Kon"` (for a hint). */
export function nearestHint(wanted: string, valid: readonly string[], what: string): string {
  if (valid.length === 0) return `there are no ${what}`;
  return `the nearest ${what}: ${nearest(wanted, valid)
    .map((n) => JSON.stringify(n))
    .join(", ")}`;
}
