import { OmvarldError } from "../errors.ts";
import { checkPath } from "../io/input-node.ts";
import { writeAnnex } from "../report/pipelines/annex-node.ts";
import { listOf, localeOf, optionalNumber, parseCommand } from "./args.ts";

/** `omvarld annex --data PATHS --region CODE [...]`: writes the XLSX budget annex (and CSV); prints the paths. */
export async function run(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand(
    "annex",
    argv,
    {
      data: { type: "string", multiple: true },
      region: { type: "string" },
      compare: { type: "string" },
      bands: { type: "string" },
      costs: { type: "string" },
      horizon: { type: "string" },
      out: { type: "string" },
      csv: { type: "boolean" },
    },
    0,
  );
  if (help) return 0;
  const locale = localeOf(values.lang);
  const bands = values.bands;
  if (bands !== undefined && bands !== "se" && bands !== "no" && bands !== "eurostat")
    throw new OmvarldError("ARGUMENT", `--bands ${bands} is not se, no or eurostat`);
  const data = listOf(values.data);
  if (data.length === 0 || !values.region)
    throw new OmvarldError(
      "ARGUMENT",
      "annex needs --data and --region",
      {},
      "omvarld annex --data data/scb --region 2021 --horizon 2040",
    );
  // checked here so that a wrong path is named by its option
  if (values.costs) checkPath(values.costs, "--costs");
  const written = await writeAnnex({
    data,
    region: values.region,
    ...(values.compare ? { compare: listOf(values.compare) } : {}),
    ...(bands ? { bands } : {}),
    ...(locale ? { locale } : {}),
    ...(values.costs ? { costs: values.costs } : {}),
    ...optionalNumber("horizon", values.horizon),
    out: values.out ?? "out/annex.xlsx",
    csv: values.csv === true,
  });
  for (const path of written) console.log(path);
  return 0;
}
