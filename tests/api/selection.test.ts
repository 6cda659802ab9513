import { describe, expect, test } from "vitest";
import { joinJsonStat } from "../../src/io/api/merge.ts";
import { nearest } from "../../src/io/api/nearest.ts";
import { editDistance } from "../../src/regions/edit-distance.ts";
import { mapPool } from "../../src/io/api/pool.ts";
import { chunkSizes, resolveCodes, splitExpressions, splitSelection } from "../../src/io/api/selection.ts";

describe("splitting a selection", () => {
  test("chunkSizes: the doc comment's examples, by hand", () => {
    expect(chunkSizes([312, 102, 2], 150_000)).toEqual([312, 102, 2]); // 63 648 cells
    expect(chunkSizes([312, 102, 2], 10_000)).toEqual([49, 102, 2]); // 49 × 204 = 9 996 ≤ 10 000
    // when the others alone exceed the limit, the largest goes down to 1 and the next largest is cut
    expect(chunkSizes([1000, 500, 3], 1000)).toEqual([1, 333, 3]);
  });

  test("splitSelection: calls in row-major order, the last variable fastest, every cell once", () => {
    const calls = splitSelection(
      [
        ["a", "b", "c"],
        ["1", "2"],
      ],
      2,
    );
    expect(calls).toEqual([
      [["a"], ["1", "2"]],
      [["b"], ["1", "2"]],
      [["c"], ["1", "2"]],
    ]);
    const big = splitSelection([Array.from({ length: 7 }, (_, i) => `r${i}`), ["x", "y", "z"]], 4);
    const cells = big.flatMap(([r, c]) => r!.flatMap((a) => c!.map((b) => `${a}${b}`)));
    expect(cells).toHaveLength(21);
    expect(new Set(cells).size).toBe(21);
    expect(big.every(([r, c]) => r!.length * c!.length <= 4)).toBe(true);
  });

  test("joinJsonStat puts every value and status at its row-major place; sparse values are read", () => {
    const part = (years: string[], value: unknown, status?: unknown) => ({
      id: ["geo", "time"],
      size: [2, years.length],
      dimension: {
        geo: { category: { index: { SE: 0, NO: 1 } } },
        time: { category: { index: Object.fromEntries(years.map((y, i) => [y, i])) } },
      },
      value,
      ...(status ? { status } : {}),
    });
    const joined = joinJsonStat([
      part(["2023"], [1, 2]),
      part(["2024", "2025"], { "0": 3, "3": 6 }, { "1": "c" }),
    ] as never);
    // geo × time = 2 × 3: SE 2023, SE 2024, SE 2025, NO 2023, NO 2024, NO 2025
    expect(joined.size).toEqual([2, 3]);
    expect(joined.value).toEqual([1, 3, null, 2, null, 6]);
    expect(joined.status).toEqual({ "2": "c" });
  });
});

describe("codes", () => {
  const tid = { code: "Tid", label: "år", values: ["2020", "2021", "2022", "2023", "2024"], labels: {} };
  test("expressions", () => {
    expect(splitExpressions("0114, range(2015,2020),top(2)")).toEqual(["0114", "range(2015,2020)", "top(2)"]);
    expect(resolveCodes(tid, ["top(2)"])).toEqual(["2023", "2024"]);
    expect(resolveCodes(tid, ["top(2,1)"])).toEqual(["2022", "2023"]);
    expect(resolveCodes(tid, ["bottom(1)", "from(2024)"])).toEqual(["2020", "2024"]);
    expect(resolveCodes(tid, ["to(2021)"])).toEqual(["2020", "2021"]);
    expect(resolveCodes(tid, ["202?"])).toEqual(tid.values);
    expect(resolveCodes(tid, ["2024", "2020", "2024"])).toEqual(["2020", "2024"]);
    expect(() => resolveCodes(tid, ["19*"])).toThrow('"19*" matches no code of Tid (år)');
    expect(() => resolveCodes(tid, ["range(2020)"])).toThrow("range() expects two codes");
  });

  test("edit distance and the nearest names", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("Alder", "ålder")).toBe(1);
    expect(nearest("2O21", ["2021", "2023", "0114", "2584"])).toEqual(["2021", "2023", "2584"]); // distances 1, 2, 3; "0114" is 4 away
  });

  test("mapPool keeps the order and never runs more than the limit", async () => {
    let running = 0;
    let most = 0;
    const out = await mapPool([5, 1, 4, 2, 3], 2, async (x) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, x));
      running--;
      return x * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});
