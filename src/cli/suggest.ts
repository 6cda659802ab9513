import { editDistance } from "../regions/edit-distance.ts";

/** True when `b` is `a` with two neighbouring characters swapped ("jsno", "json"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return at >= 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/**
 * The candidate nearest to a mistyped word, when it is near enough to be what was meant: at most 2 edits
 * (Levenshtein, two neighbours swapped counting as one), and fewer than half the word's length (so "--to" is not
 * offered for "--xy").
 *
 * @example
 * didYouMean("regoin", ["region", "data", "out"]) // "region"
 * didYouMean("jsno", ["json", "lang"])             // "json"
 * didYouMean("frobnicate", ["json", "lang"])      // undefined
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of candidates) {
    const [a, b] = [word.toLowerCase(), name.toLowerCase()];
    const distance = swapped(a, b) ? 1 : editDistance(a, b);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= 2 && best.distance < Math.max(word.length, best.name.length) / 2
    ? best.name
    : undefined;
}
