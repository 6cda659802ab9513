import { OmvarldError } from "../errors.ts";
import { checkPath } from "../io/input-node.ts";
import { attractivenessFile } from "../report/pipelines/attractiveness-node.ts";
import { listOf, localeOf, optionalNumber, parseCommand } from "./args.ts";

/** `omvarld attractiveness FILE [--commuting FILE …] [--data PATH …] [--industries FILE] [--level …] [--from …] [--to …] [--json] [--lang …]`. */
export function run(argv: readonly string[]): number {
  const { values, positionals, help } = parseCommand(
    "attractiveness",
    argv,
    {
      json: { type: "boolean" },
      level: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      "min-population": { type: "string" },
      commuting: { type: "string", multiple: true },
      data: { type: "string", multiple: true },
      industries: { type: "string" },
      estimation: { type: "string" },
    },
    1,
  );
  if (help) return 0;
  const file = positionals[0];
  if (!file)
    throw new OmvarldError(
      "ARGUMENT",
      "attractiveness needs a FILE",
      {},
      "omvarld attractiveness data/tf/no-regions-2003-2016.csv --level kommune",
    );
  const estimation = values.estimation;
  if (estimation !== undefined && estimation !== "pooled" && estimation !== "yearly")
    throw new OmvarldError("ARGUMENT", `--estimation ${estimation} is not pooled or yearly`);
  const locale = localeOf(values.lang);
  // paths checked here so that a wrong one is named by its option
  for (const path of values.commuting ?? []) if (path !== "-") checkPath(path, "--commuting");
  if (values.industries && values.industries !== "-") checkPath(values.industries, "--industries");
  const { "min-population": minPopulation } = optionalNumber("min-population", values["min-population"]);
  console.log(
    attractivenessFile(file, {
      ...(values.level ? { level: values.level } : {}),
      ...optionalNumber("from", values.from),
      ...optionalNumber("to", values.to),
      ...(minPopulation === undefined ? {} : { minPopulation }),
      ...(estimation ? { estimation } : {}),
      commuting: values.commuting ?? [],
      data: listOf(values.data),
      ...(values.industries ? { industries: values.industries } : {}),
      json: values.json === true,
      ...(locale ? { locale } : {}),
    }),
  );
  return 0;
}
