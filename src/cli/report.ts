import { OmvarldError } from "../errors.ts";
import { writeReport } from "../report/pipelines/report-node.ts";
import { listOf, localeOf, optionalNumber, parseCommand } from "./args.ts";

/** `omvarld report --data PATHS --region CODE [...]`: writes report.html (and report.pdf); prints the paths. */
export async function run(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand("report", argv, {
    data: { type: "string", multiple: true },
    region: { type: "string" },
    name: { type: "string" },
    compare: { type: "string" },
    peers: { type: "string" },
    horizon: { type: "string" },
    out: { type: "string" },
    pdf: { type: "boolean" },
  });
  if (help) return 0;
  const locale = localeOf(values.lang);
  if (!values.region)
    throw new OmvarldError("ARGUMENT", "report needs --region", {}, "omvarld report --data data/tf --region 0428");
  const written = await writeReport({
    data: listOf(values.data),
    region: values.region,
    compare: listOf(values.compare ?? values.peers),
    ...(locale ? { locale } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...optionalNumber("horizon", values.horizon),
    out: values.out ?? "out/report",
    pdf: values.pdf === true,
  });
  for (const path of written) console.log(path);
  return 0;
}
