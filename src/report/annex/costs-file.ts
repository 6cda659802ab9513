import { readFileSync } from "node:fs";
import { OmvarldError } from "../../errors.ts";
import { COSTS_HINT, parseUnitCosts, type UnitCosts } from "./costs.ts";

/** Unit costs from a JSON file (see `parseUnitCosts`); Node only. */
export function readUnitCosts(file: string): UnitCosts {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OmvarldError(
      "ARGUMENT",
      `cannot open the unit costs file (${code === "ENOENT" ? "no such file" : (code ?? (error as Error).message)})`,
      { file },
      code === "ENOENT" ? "check the path of the unit costs file" : COSTS_HINT,
    );
  }
  return parseUnitCosts(text, file);
}
