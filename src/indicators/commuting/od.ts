import { OmvarldError } from "../../errors.ts";
import type { Table } from "../../table/table.ts";

/**
 * A sparse origin-destination matrix of commuters C[o→d] (living in o, working in d) for one year, stored by
 * origin in compressed rows: memory grows with the number of non-zero flows, never with n². Flows from o to o
 * are those who live and work in o.
 */
export class OdMatrix {
  /** Area codes; an area's index is its position here. */
  readonly codes: readonly string[];
  /** Flows of origin k are at rowStart[k] .. rowStart[k + 1] − 1 in `destination` and `flow`. */
  readonly rowStart: Int32Array;
  readonly destination: Int32Array;
  readonly flow: Float64Array;

  private constructor(codes: string[], rowStart: Int32Array, destination: Int32Array, flow: Float64Array) {
    this.codes = codes;
    this.rowStart = rowStart;
    this.destination = destination;
    this.flow = flow;
  }

  get size(): number {
    return this.codes.length;
  }

  /** Number of stored (non-zero) flows. */
  get flows(): number {
    return this.flow.length;
  }

  indexOf(code: string): number {
    return this.codes.indexOf(code);
  }

  /**
   * Builds the matrix from a long table of flows: `origin`, `destination` and a value (one year; repeated pairs
   * are summed). A missing flow (a suppressed cell) is an error: commuting totals with unknown parts are unknown.
   */
  static fromTable(table: Table, options: { value?: string; origin?: string; destination?: string } = {}): OdMatrix {
    const value = options.value ?? "value";
    const origins = table.strings(options.origin ?? "origin");
    const destinations = table.strings(options.destination ?? "destination");
    const values = table.numbers(value);
    if (table.has("year") && table.distinct("year").length > 1) {
      throw new OmvarldError(
        "ARGUMENT",
        "the flows cover several years",
        {},
        "filter one year first: table.filter({ year: 2023 })",
      );
    }
    const triples: [string, string, number][] = [];
    for (let i = 0; i < table.numRows; i++) {
      const v = values.get(i);
      const o = origins.get(i);
      const d = destinations.get(i);
      if (o === null || d === null) continue;
      if (v === null)
        throw new OmvarldError(
          "ARGUMENT",
          `the flow ${o} → ${d} is missing`,
          { file: table.provenance.file },
          "a suppressed cell: fill it (e.g. with 0 or 3 for SSB's rounding) or leave the pair out",
        );
      triples.push([o, d, v]);
    }
    return OdMatrix.fromFlows(triples);
  }

  /** Builds the matrix from [origin, destination, commuters] triples; zero flows are not stored. */
  static fromFlows(flows: Iterable<readonly [string, string, number]>): OdMatrix {
    const index = new Map<string, number>();
    const codes: string[] = [];
    const id = (code: string) => {
      let k = index.get(code);
      if (k === undefined) index.set(code, (k = codes.push(code) - 1));
      return k;
    };
    let o = new Int32Array(1024);
    let d = new Int32Array(1024);
    let f = new Float64Array(1024);
    let m = 0;
    for (const [origin, destination, value] of flows) {
      if (value === 0) continue;
      if (m === o.length) {
        o = grow(o, new Int32Array(m * 2));
        d = grow(d, new Int32Array(m * 2));
        f = grow(f, new Float64Array(m * 2));
      }
      o[m] = id(origin);
      d[m] = id(destination);
      f[m++] = value;
    }
    // counting sort by origin; repeated pairs within a row are summed with a marker per destination (O(n) memory)
    const n = codes.length;
    const counts = new Int32Array(n + 1);
    for (let i = 0; i < m; i++) counts[o[i]! + 1]!++;
    for (let k = 0; k < n; k++) counts[k + 1]! += counts[k]!;
    const order = new Int32Array(m);
    const next = counts.slice(0, n);
    for (let i = 0; i < m; i++) order[next[o[i]!]!++] = i;
    const rowStart = new Int32Array(n + 1);
    const dest = new Int32Array(m);
    const flow = new Float64Array(m);
    const lastRow = new Int32Array(n).fill(-1);
    const slot = new Int32Array(n);
    let size = 0;
    for (let k = 0; k < n; k++) {
      rowStart[k] = size;
      for (let p = counts[k]!; p < counts[k + 1]!; p++) {
        const i = order[p]!;
        const target = d[i]!;
        if (lastRow[target] === k) flow[slot[target]!]! += f[i]!;
        else {
          lastRow[target] = k;
          slot[target] = size;
          dest[size] = target;
          flow[size++] = f[i]!;
        }
      }
    }
    rowStart[n] = size;
    return new OdMatrix(codes, rowStart, dest.slice(0, size), flow.slice(0, size));
  }

  /** Employed residents of each area: E_o = Σ_d C[o→d]. */
  employedResidents(): Float64Array {
    const out = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++)
      for (let p = this.rowStart[k]!; p < this.rowStart[k + 1]!; p++) out[k]! += this.flow[p]!;
    return out;
  }

  /** Jobs (employed by workplace) of each area: W_d = Σ_o C[o→d]. */
  jobs(): Float64Array {
    const out = new Float64Array(this.size);
    for (let p = 0; p < this.flow.length; p++) out[this.destination[p]!]! += this.flow[p]!;
    return out;
  }

  /** Those who live and work in each area: C[k→k]. */
  internal(): Float64Array {
    const out = new Float64Array(this.size);
    for (let k = 0; k < this.size; k++)
      for (let p = this.rowStart[k]!; p < this.rowStart[k + 1]!; p++)
        if (this.destination[p] === k) out[k] = this.flow[p]!;
    return out;
  }

  /** C[o→d] (0 where no flow is stored). */
  get(origin: string, destination: string): number {
    const o = this.indexOf(origin);
    const d = this.indexOf(destination);
    if (o < 0 || d < 0) return 0;
    for (let p = this.rowStart[o]!; p < this.rowStart[o + 1]!; p++) if (this.destination[p] === d) return this.flow[p]!;
    return 0;
  }

  /** Visits the flows of origin k. */
  forEachFrom(k: number, visit: (destination: number, flow: number) => void): void {
    for (let p = this.rowStart[k]!; p < this.rowStart[k + 1]!; p++) visit(this.destination[p]!, this.flow[p]!);
  }
}

function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
