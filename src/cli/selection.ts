import { OmvarldError } from "../errors.ts";
import type { Selection } from "../io/api/selection.ts";

/** Splits `NAME=VALUE` at the first "=", or stops with a one-line error naming the option and its form. */
function nameAndValue(option: string, form: string, example: string, item: string): [string, string] {
  const at = item.indexOf("=");
  if (at <= 0) throw new OmvarldError("ARGUMENT", `--${option} expects ${form}, got "${item}"`, {}, example);
  return [item.slice(0, at).trim(), item.slice(at + 1).trim()];
}

/**
 * The selection of `--select VAR=CODES` and `--codelist VAR=LIST` options: one entry per variable, a code list
 * making the entry `{ codes, codelist }` (codes "*" when the variable has no --select).
 *
 * @example
 * selectionOf(["Region=2021,2023", "Tid=top(3)"], ["Region=vs_RegionKommun07"])
 * // { Region: { codes: "2021,2023", codelist: "vs_RegionKommun07" }, Tid: "top(3)" }
 */
export function selectionOf(select: readonly string[] = [], codelist: readonly string[] = []): Selection {
  const selection: Record<string, string | { codes: string; codelist: string }> = {};
  for (const item of select) {
    const [name, codes] = nameAndValue("select", "VARIABLE=CODES", "--select Region=2021 --select Tid=top(5)", item);
    if (name in selection)
      throw new OmvarldError("ARGUMENT", `--select names ${name} twice`, {}, `one --select per variable: ${name}=A,B`);
    selection[name] = codes;
  }
  for (const item of codelist) {
    const [name, list] = nameAndValue("codelist", "VARIABLE=LIST", "--codelist Region=vs_RegionKommun07", item);
    const codes = selection[name];
    selection[name] = { codes: typeof codes === "string" ? codes : "*", codelist: list };
  }
  return selection;
}
