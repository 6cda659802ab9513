import { OmvarldError } from "../errors.ts";
import { writeReport } from "../report/pipelines/report-node.ts";
import { listOf, localeOf, optionalNumber, parseCommand } from "./args.ts";

/**
 * `omvarld report --data PATHS --region CODE [...]`: writes report.html (and report.pdf, printed by $CHROMIUM or the
 * first Chromium found); prints the paths.
 */
export async function run(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand(
    "report",
    argv,
    {
      data: { type: "string", multiple: true },
      region: { type: "string" },
      name: { type: "string" },
      compare: { type: "string" },
      peers: { type: "string" },
      horizon: { type: "string" },
      out: { type: "string" },
      pdf: { type: "boolean" },
    },
    0,
  );
  if (help) return 0;
  const locale = localeOf(values.lang);
  const data = listOf(values.data);
  if (data.length === 0 || !values.region)
    throw new OmvarldError(
      "ARGUMENT",
      `report needs ${data.length === 0 ? "--data" : ""}${data.length === 0 && !values.region ? " and " : ""}${values.region ? "" : "--region"}`,
      {},
      "omvarld report --data data/tf --region 0428 --out out/report",
    );
  const written = await writeReport({
    data,
    region: values.region,
    compare: listOf(values.compare ?? values.peers),
    ...(locale ? { locale } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...optionalNumber("horizon", values.horizon),
    out: values.out ?? "out/report",
    pdf: values.pdf === true,
    // the environment's Chromium, for a machine where it is not in /usr/bin
    ...(process.env.CHROMIUM ? { chromium: process.env.CHROMIUM } : {}),
  });
  for (const path of written) console.log(path);
  return 0;
}
