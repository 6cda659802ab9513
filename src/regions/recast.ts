import { OmvarldError } from "../errors.ts";
import { NumberColumn, StringColumn } from "../table/column.ts";
import type { Table } from "../table/table.ts";
import type { CodeChange } from "./data/changes.ts";
import { CODE_CHANGES, codeChangesOf, linksOf } from "./code-changes.ts";
import { type Country, findRegion } from "./registry.ts";

export interface RecastOptions {
  /** The vintage: codes as valid on 1 January of this year. */
  to: number;
  country: Country;
  /**
   * The date a row's year refers to. "year-end" (SCB stocks: 31 December, reported in the division of 1 January the
   * year after) or "start" (SSB: 1 January). Default: "year-end" for SE, "start" for NO.
   */
  reference?: "year-end" | "start";
  /**
   * Shares for codes that go to several codes: a split forwards (`{ "0380": { "0380": 0.94, "0330": 0.06 } }`) or a
   * merger backwards (`{ "3005": { "0602": 0.6, "0625": 0.3, "0711": 0.1 } }`). The shares of a code name every code
   * it goes to and sum to 1.
   */
  weights?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /**
   * A code that goes to several codes and has no weights: "error" (default) refuses; "warn" leaves the code as it
   * was before that change and adds a warning to the result. For a code that continues through the change and only
   * gains or loses a part (Tønsberg 0704, which gained part of Stokke in 2017), "warn" keeps it whole.
   */
  onSplit?: "error" | "warn";
  /** The region column (default "region"). */
  column?: string;
}

interface Target {
  code: string;
  share: number;
}

function checkWeights(
  code: string,
  weights: Readonly<Record<string, number>>,
  sinks: readonly string[],
  change: CodeChange,
): void {
  const where = `weights for ${code} (${change.year}: ${change.from.join(", ")} → ${change.to.join(", ")})`;
  const missing = sinks.filter((s) => typeof weights[s] !== "number" || !Number.isFinite(weights[s]));
  const extra = Object.keys(weights).filter((k) => !sinks.includes(k));
  if (missing.length || extra.length) {
    throw new OmvarldError(
      "ARGUMENT",
      `${where}: ${missing.length ? `no share for ${missing.join(", ")}` : ""}${missing.length && extra.length ? "; " : ""}${extra.length ? `${extra.join(", ")} is not one of ${sinks.join(", ")}` : ""}`,
      {},
      `give one share for each of ${sinks.join(", ")}`,
    );
  }
  const total = sinks.reduce((s, k) => s + weights[k]!, 0);
  if (Math.abs(total - 1) > 1e-6) {
    throw new OmvarldError(
      "ARGUMENT",
      `${where} sum to ${total}, not 1`,
      {},
      "shares are fractions of the whole; divide each by their sum",
    );
  }
}

/** Where one code of one division year lands in the target vintage. */
function mapCode(
  code: string,
  division: number,
  options: RecastOptions,
  changes: readonly CodeChange[],
  warnings: Set<string>,
): Target[] {
  let targets: Target[] = [{ code, share: 1 }];
  const forward = division < options.to;
  const relevant = changes.filter((c) =>
    forward ? division < c.year && c.year <= options.to : options.to < c.year && c.year <= division,
  );
  if (!forward) relevant.reverse();
  for (const change of relevant) {
    const links = linksOf(change);
    targets = targets.flatMap((t) => {
      const sinks = forward
        ? links.filter(([o]) => o === t.code).map(([, n]) => n)
        : links.filter(([, n]) => n === t.code).map(([o]) => o);
      if (sinks.length === 0) return [t];
      if (sinks.length === 1) return [{ code: sinks[0]!, share: t.share }];
      const weights = options.weights?.[t.code];
      if (weights) {
        checkWeights(t.code, weights, sinks, change);
        return sinks.map((s) => ({ code: s, share: t.share * weights[s]! }));
      }
      // names as the registry knows them (the old codes the year before the change, the new ones in its year),
      // else the change's note
      const [before, after] = [change.year - 1, change.year];
      const name = (code: string, year: number) => findRegion(code, { country: options.country, year })?.name;
      const olds = (forward ? [t.code] : sinks).map((c) => name(c, before));
      const news = (forward ? sinks : [t.code]).map((c) => name(c, after));
      const names = [...olds, ...news].every((n) => n !== undefined)
        ? `${olds.join(", ")} → ${news.join(", ")}`
        : change.note;
      const detail = names ? ` (${names})` : "";
      const message = forward
        ? `region ${t.code} was split in ${change.year} into ${sinks.join(", ")}${detail}`
        : `region ${t.code} was formed in ${change.year} from ${sinks.join(", ")}${detail}`;
      if (options.onSplit === "warn") {
        warnings.add(`${message}; kept as ${t.code} without weights`);
        return [t];
      }
      throw new OmvarldError(
        "ARGUMENT",
        message,
        {},
        `recasting it needs weights (shares summing to 1), e.g. { weights: { "${t.code}": { ${sinks.map((s) => `"${s}": …`).join(", ")} } } }, or onSplit: "warn" to keep ${t.code} as it is`,
      );
    });
  }
  return targets;
}

/** Codes that are no municipality but appear in municipal tables (SSB: Svalbard, Jan Mayen, the shelf, unknown). */
const PSEUDO: Record<Country, RegExp> = { NO: /^(?:2[123]\d\d|9999|0000)$/, SE: /^(?:9999|0000)$/ };

/** The first year from which the registry knows every municipality code of a country. */
const KNOWN_FROM: Record<Country, number> = { NO: 2002, SE: 1996 };

/**
 * Recasts a series onto one code vintage: renumbered codes are renamed, merged units summed, split units divided
 * by the given weights (without them: an error, or with `onSplit: "warn"` the code is kept and a warning added).
 * Measures are summed per target region (a missing part makes the sum missing). Municipality codes in the result
 * that are not codes of the target year are named in a warning. The result keeps each row's year, so its codes no
 * longer follow that year's division: to recast onto another vintage, start again from the original table.
 *
 * @example
 * // Trysil 0428 (2019) and 3421 (2020-) become one series under 3421; Drammen 3005 (2020-2023) is 3301 from 2024
 * recast(table, { to: 2024, country: "NO" })
 */
export function recast(table: Table, options: RecastOptions, changes: readonly CodeChange[] = CODE_CHANGES): Table {
  const column = options.column ?? "region";
  const reference = options.reference ?? (options.country === "SE" ? "year-end" : "start");
  const offset = reference === "year-end" ? 1 : 0;
  // only the country's own changes: 1121 is Östra Göinge (SE, until 1996) and Time (NO)
  const relevant =
    changes === CODE_CHANGES
      ? codeChangesOf(options.country)
      : changes.filter((c) => c.country === options.country).sort((a, b) => a.year - b.year);
  const regions = table.strings(column);
  const years = table.has("year") ? table.numbers("year").values : undefined;
  const memo = new Map<string, Target[]>();
  const warnings = new Set<string>();
  const index: number[] = [];
  const shares: number[] = [];
  const codes: (string | null)[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const code = regions.get(i);
    if (code === null) {
      index.push(i);
      shares.push(1);
      codes.push(null);
      continue;
    }
    const year = years ? years[i]! : options.to - offset;
    const key = `${code}|${year}`;
    let targets = memo.get(key);
    if (!targets)
      memo.set(
        key,
        (targets = Number.isNaN(year)
          ? [{ code, share: 1 }]
          : mapCode(code, year + offset, options, relevant, warnings)),
      );
    for (const t of targets) {
      index.push(i);
      shares.push(t.share);
      codes.push(t.code);
    }
  }
  if (options.to >= KNOWN_FROM[options.country]) {
    const unknown = [...new Set(codes)].filter(
      (c): c is string =>
        c !== null &&
        /^\d{4}$/.test(c) &&
        !PSEUDO[options.country].test(c) &&
        !findRegion(c, { country: options.country, year: options.to }),
    );
    if (unknown.length) {
      warnings.add(
        `${unknown.length} region code${unknown.length > 1 ? "s are" : " is"} not ${options.country === "NO" ? "a kommune" : "a kommun"} code of ${options.to} after recasting: ${unknown.sort().slice(0, 10).join(", ")}${unknown.length > 10 ? ", …" : ""}`,
      );
    }
  }
  let expanded = table.take(index).withColumn(column, StringColumn.from(codes), "dimension");
  const measures = table.names("measure");
  for (const m of measures) {
    const values = expanded.numbers(m).values.map((v, k) => v * shares[k]!);
    expanded = expanded.withColumn(m, new NumberColumn(values), "measure");
  }
  const keys = expanded.names("dimension").filter((d) => d !== `${column}_name`);
  const grouped = expanded.groupBy(keys).sum(measures).withProvenance(table.provenance);
  // the input's warnings once (whether or not grouping kept them), then recast's own
  const kept = new Set(grouped.warnings);
  return grouped.withWarnings(...[...table.warnings, ...warnings].filter((w) => !kept.has(w)));
}
