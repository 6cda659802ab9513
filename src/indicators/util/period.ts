import { OmvarldError } from "../../errors.ts";

/** A span of years: from the start year to the end year. */
export interface Period {
  from: number;
  to: number;
}

/**
 * Reads a period given as `{ from, to }` (the documented shape) or, for older call sites, as two positional
 * years, and checks that `to` comes after `from`.
 */
export function periodOf(a: Period | number, b?: number | unknown): Period {
  const p = typeof a === "number" ? { from: a, to: b as number } : a;
  if (!Number.isInteger(p.from) || !Number.isInteger(p.to)) {
    throw new OmvarldError(
      "ARGUMENT",
      `a period needs integer years { from, to }, got ${JSON.stringify(p)}`,
      {},
      "pass { from: 2010, to: 2020 }",
    );
  }
  if (p.to <= p.from) throw new OmvarldError("ARGUMENT", `"to" (${p.to}) must come after "from" (${p.from})`);
  return p;
}
