import { inspectFile } from "../report/pipelines/inspect-node.ts";
import { byteCount, localeOf, parseCommand } from "./args.ts";
import { OmvarldError } from "../errors.ts";

/** `omvarld inspect FILE [--json] [--max-decompressed-bytes N] [--lang sv|nb|en]`: what was detected in a file ("-": standard input). */
export function run(argv: readonly string[]): number {
  const { values, positionals, help } = parseCommand(
    "inspect",
    argv,
    {
      json: { type: "boolean" },
      "max-decompressed-bytes": { type: "string" },
    },
    1,
  );
  if (help) return 0;
  const file = positionals[0];
  if (!file) throw new OmvarldError("ARGUMENT", "inspect needs a FILE", {}, "omvarld inspect data/scb/befolkning.csv");
  const locale = localeOf(values.lang);
  const limit = values["max-decompressed-bytes"];
  const read = limit === undefined ? {} : { maxDecompressedBytes: byteCount("max-decompressed-bytes", limit) };
  console.log(inspectFile(file, { json: values.json === true, ...(locale ? { locale } : {}) }, read));
  return 0;
}
