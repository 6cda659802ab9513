import { z } from "zod";
import { OmvarldError } from "../../errors.ts";
import type { UnitCost } from "../../indicators/population/cost.ts";
import { parseAgeBand } from "../../indicators/population/ages.ts";

/** Unit costs as the annex uses them: per inhabitant and year, in thousands (tkr), with where they come from. */
export interface UnitCosts {
  costs: UnitCost[];
  source?: string;
}

const cost = z.object({
  service: z.string().min(1),
  ages: z.string().refine((a) => parseAgeBand(a) !== null, { message: 'an age band such as "1-5", "80+" or "Y_LT15"' }),
  cost: z.number().finite().nonnegative(),
});

const list = z.array(cost).min(1);
const described = z.object({ source: z.string().optional(), unit: z.enum(["tkr", "kr"]).optional(), costs: list });

/** The file: a list of costs, or { source, unit, costs } (unit "tkr", the default, or "kr", divided by 1 000). */
export const UnitCostsSchema = z.union([list, described]);

export const COSTS_HINT =
  'a JSON array: [{ "service": "förskola", "ages": "1-5", "cost": 107.4 }, ...] in tkr per inhabitant, or { "source": "...", "unit": "tkr", "costs": [...] }';

/**
 * Unit costs from the text of a JSON file, validated: costs in tkr per inhabitant and year ("kr" files divided by
 * 1 000). A file that is not JSON is a PARSE error, one of the wrong shape a SCHEMA error naming the first bad entry.
 *
 * @example
 * parseUnitCosts('{ "unit": "kr", "costs": [{ "service": "Förskola", "ages": "1-5", "cost": 164000 }] }')
 * // { costs: [{ service: "Förskola", ages: "1-5", cost: 164 }] }
 */
export function parseUnitCosts(text: string, file?: string): UnitCosts {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new OmvarldError("PARSE", `cannot read the unit costs: ${(error as Error).message}`, { file }, COSTS_HINT);
  }
  // the branch by the JSON's shape, so that an error names the entry in it
  const parsed = Array.isArray(json) ? list.safeParse(json) : described.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues.find((i) => i.path.length > 0) ?? parsed.error.issues[0];
    const where = issue?.path.length ? ` (at ${issue.path.join(".")}: ${issue.message})` : "";
    throw new OmvarldError(
      "SCHEMA",
      `the unit costs are not a list of { service, ages, cost }${where}`,
      { file },
      COSTS_HINT,
    );
  }
  const data = parsed.data;
  if (Array.isArray(data)) return { costs: data };
  const factor = data.unit === "kr" ? 1 / 1000 : 1;
  return {
    costs: data.costs.map((c) => ({ ...c, cost: c.cost * factor })),
    ...(data.source === undefined ? {} : { source: data.source }),
  };
}
