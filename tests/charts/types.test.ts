import { describe, expect, test } from "vitest";
import { Chart } from "../../src/charts/chart.ts";
import type { Layer, Spec } from "../../src/charts/spec.ts";

// `npm run typecheck` covers this file: each @ts-expect-error fails the type check if the line it marks compiles,
// so a builder's misspelt channel, mark or field definition cannot pass unnoticed.
describe("chart specs are vega-lite's own types", () => {
  test("a misspelt encoding channel, mark or type is a type error", () => {
    const good: Layer = { mark: "bar", encoding: { color: { field: "kind", type: "nominal" } } };
    // @ts-expect-error "colour" is not an encoding channel
    const channel: Layer = { mark: "bar", encoding: { colour: { field: "kind", type: "nominal" } } };
    // @ts-expect-error "bars" is not a mark
    const mark: Layer = { mark: "bars", encoding: {} };
    // @ts-expect-error "quantitive" is not a measurement type
    const type: Layer = { mark: "line", encoding: { y: { field: "v", type: "quantitive" } } };
    const spec: Spec = { data: { values: [{ kind: "a" }] }, layer: [good] };
    // @ts-expect-error the Chart takes a typed spec: a misspelt channel in its encoding is rejected too
    const chart = new Chart({ data: { values: [] }, mark: "point", encoding: { xx: { field: "a" } } });
    // at run time the specs are plain JSON: the misspelt ones are simply what was written
    expect(JSON.parse(JSON.stringify(new Chart(spec))).layer).toEqual([good]);
    expect([channel, mark, type].map((l) => Object.keys(l.encoding ?? {}))).toEqual([["colour"], [], ["y"]]);
    expect(chart.toVegaLite()).toHaveProperty("encoding.xx");
  });
});
