import { demo } from "../report/pipelines/demo-node.ts";
import { localeOf, parseCommand } from "./args.ts";

/** `omvarld demo [--lang sv|nb|en] [--out DIR]`: what omvarld computes from the real exports shipped in data/. */
export async function run(argv: readonly string[]): Promise<number> {
  const { values, help } = parseCommand("demo", argv, { out: { type: "string" } }, 0);
  if (help) return 0;
  const locale = localeOf(values.lang);
  await demo({ ...(values.out ? { out: values.out } : {}), ...(locale ? { locale } : {}) });
  return 0;
}
