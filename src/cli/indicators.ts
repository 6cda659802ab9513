import { OmvarldError } from "../errors.ts";
import { INDICATOR_KINDS } from "../report/pipelines/indicators.ts";
import { indicatorsFile } from "../report/pipelines/indicators-node.ts";
import { didYouMean } from "./suggest.ts";
import { localeOf, optionalNumber, parseCommand } from "./args.ts";

/** `omvarld indicators FILE --kind KIND [...] [--json | --csv] [--lang …]`: an indicator table of a file. */
export function run(argv: readonly string[]): number {
  const { values, positionals, help } = parseCommand(
    "indicators",
    argv,
    {
      json: { type: "boolean" },
      csv: { type: "boolean" },
      kind: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      year: { type: "string" },
      national: { type: "string" },
      value: { type: "string" },
      total: { type: "string" },
      where: { type: "string" },
    },
    1,
  );
  if (help) return 0;
  const file = positionals[0];
  if (!file || !values.kind) {
    throw new OmvarldError(
      "ARGUMENT",
      "indicators needs a FILE and --kind",
      {},
      "omvarld indicators data/reat/G.regions.emp.csv --kind shift-share --national Insgesamt --total Insgesamt",
    );
  }
  if (!(INDICATOR_KINDS as readonly string[]).includes(values.kind)) {
    const near = didYouMean(values.kind, INDICATOR_KINDS);
    throw new OmvarldError(
      "ARGUMENT",
      `--kind ${values.kind} is not one of ${INDICATOR_KINDS.join(", ")}${near ? `: did you mean --kind ${near}?` : ""}`,
      {},
      "omvarld indicators FILE --kind shift-share",
    );
  }
  const locale = localeOf(values.lang);
  const where = values.where
    ? Object.fromEntries(
        values.where.split(",").map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
      )
    : undefined;
  console.log(
    indicatorsFile(file, {
      kind: values.kind,
      ...optionalNumber("from", values.from),
      ...optionalNumber("to", values.to),
      ...optionalNumber("year", values.year),
      ...(values.national ? { national: values.national } : {}),
      ...(values.value ? { value: values.value } : {}),
      total: values.total ? values.total.split(",") : [],
      ...(where ? { where } : {}),
      format: values.json ? "json" : values.csv ? "csv" : "text",
      ...(locale ? { locale } : {}),
    }),
  );
  return 0;
}
