import type { Table } from "../../table/table.ts";
import { toTable } from "../util/panel.ts";
import { OdMatrix } from "./od.ts";

export interface LaOptions {
  /** Largest out-commuting share of a centre (SCB: 0.20). */
  maxOutShare?: number;
  /** Largest share commuting to any single other area from a centre (SCB: 0.075). */
  maxSingleShare?: number;
  /** Most links between an area and its centre (SCB: 2). */
  maxLinks?: number;
}

export interface LaResult {
  /** area → its region's centre. */
  centreOf: Map<string, string>;
  /** area → links to its centre (0 for a centre). */
  links: Map<string, number>;
  /** Centres made so by the extra rules (a cut chain, a cycle), with why. */
  promoted: Map<string, string>;
}

/**
 * Local labour-market regions by SCB's rules (docs/methods.md §5.3):
 * 1. an area is a centre when at most `maxOutShare` (20 %) of its employed residents commute out and at most
 *    `maxSingleShare` (7.5 %) to any single other area;
 * 2. every other area joins the destination of its largest out-flow (ties: the destination with more jobs, then
 *    the lower code);
 * 3. at most `maxLinks` (2) links to the centre: a longer chain is cut by making the area `maxLinks` links up the
 *    chain a centre;
 * 4. a cycle with no centre (A → B → A) gets the member with the most employed residents as its centre.
 * SCB's rarer extra rules are not documented and not applied.
 */
export function laRegions(od: OdMatrix, options: LaOptions = {}): LaResult {
  const maxOut = options.maxOutShare ?? 0.2;
  const maxSingle = options.maxSingleShare ?? 0.075;
  const maxLinks = options.maxLinks ?? 2;
  const n = od.size;
  const E = od.employedResidents();
  const W = od.jobs();
  const own = od.internal();
  const parent = new Int32Array(n).fill(-1);
  const centre = new Uint8Array(n);
  const promoted = new Map<string, string>();
  for (let k = 0; k < n; k++) {
    let best = -1;
    let bestFlow = 0;
    od.forEachFrom(k, (d, f) => {
      if (d === k) return;
      const better =
        f > bestFlow ||
        (f === bestFlow && best >= 0 && (W[d]! > W[best]! || (W[d] === W[best] && od.codes[d]! < od.codes[best]!)));
      if (better) {
        best = d;
        bestFlow = f;
      }
    });
    const out = E[k]! > 0 ? (E[k]! - own[k]!) / E[k]! : 0;
    if (best < 0 || (out <= maxOut && bestFlow / E[k]! <= maxSingle)) centre[k] = 1;
    else parent[k] = best;
  }
  // cycles with no centre: the member with the most employed residents becomes the centre
  const state = new Uint8Array(n); // 0 unvisited, 1 on the current path, 2 done
  for (let k = 0; k < n; k++) {
    const path: number[] = [];
    let v = k;
    while (v >= 0 && !centre[v] && state[v] === 0) {
      state[v] = 1;
      path.push(v);
      v = parent[v]!;
    }
    if (v >= 0 && state[v] === 1) {
      const cycle = path.slice(path.indexOf(v));
      const head = cycle.reduce((a, b) => (E[b]! > E[a]! || (E[b] === E[a] && od.codes[b]! < od.codes[a]!) ? b : a));
      centre[head] = 1;
      parent[head] = -1;
      promoted.set(od.codes[head]!, `centre of a cycle (${cycle.map((c) => od.codes[c]).join(" → ")})`);
    }
    for (const p of path) state[p] = 2;
  }
  // chains longer than maxLinks: the area maxLinks links up becomes a centre; repeat until none is too long
  const depthOf = (k: number) => {
    let d = 0;
    for (let v = k; !centre[v]; v = parent[v]!) d++;
    return d;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let k = 0; k < n; k++) {
      if (centre[k] || depthOf(k) <= maxLinks) continue;
      let v = k;
      for (let step = 0; step < maxLinks; step++) v = parent[v]!;
      centre[v] = 1;
      promoted.set(od.codes[v]!, `cut from a chain of more than ${maxLinks} links (from ${od.codes[k]})`);
      parent[v] = -1;
      changed = true;
    }
  }
  const centreOf = new Map<string, string>();
  const links = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    let v = k;
    let d = 0;
    while (!centre[v]) {
      v = parent[v]!;
      d++;
    }
    centreOf.set(od.codes[k]!, od.codes[v]!);
    links.set(od.codes[k]!, d);
  }
  return { centreOf, links, promoted };
}

/**
 * LA regions as tables: `members`, one row per area with its region (named after its centre) and links; and
 * `regions`, one row per region with its members and the share of its employed residents' commuting that stays
 * inside, Σ_{o,d ∈ LA} C[o→d] / Σ_{o ∈ LA} E_o.
 */
export function laRegionTables(od: OdMatrix, options: LaOptions = {}): { members: Table; regions: Table } {
  const la = laRegions(od, options);
  const members = toTable(
    od.codes.map((area) => ({
      area,
      la: la.centreOf.get(area)!,
      links: la.links.get(area)!,
      note: la.promoted.get(area) ?? null,
    })),
    ["area", "la"],
  );
  const inside = new Map<string, { kept: number; employed: number; members: number }>();
  for (let k = 0; k < od.size; k++) {
    const region = la.centreOf.get(od.codes[k]!)!;
    const r = inside.get(region) ?? { kept: 0, employed: 0, members: 0 };
    r.members++;
    od.forEachFrom(k, (d, f) => {
      r.employed += f;
      if (la.centreOf.get(od.codes[d]!) === region) r.kept += f;
    });
    inside.set(region, r);
  }
  const regions = toTable(
    [...inside].map(([la, r]) => ({
      la,
      members: r.members,
      employed_residents: r.employed,
      self_containment: r.employed > 0 ? r.kept / r.employed : null,
    })),
    ["la"],
  );
  return { members, regions };
}
