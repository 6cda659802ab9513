/**
 * Rounds values to integers that add up to the rounded sum (largest remainders first), so that a table's parts add
 * up to the total it prints: [1.4, 1.4, 1.2] → [2, 1, 1] (sum 4).
 */
export function roundToTotal(values: readonly number[]): number[] {
  const floors = values.map(Math.floor);
  let left = Math.round(values.reduce((s, v) => s + v, 0)) - floors.reduce((s, v) => s + v, 0);
  const order = values.map((v, k) => ({ k, r: v - Math.floor(v) })).sort((x, y) => y.r - x.r);
  for (const { k } of order) {
    if (left <= 0) break;
    floors[k]!++;
    left--;
  }
  return floors;
}
