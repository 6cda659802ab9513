import { OmvarldError } from "../errors.ts";
import { fetchCommand, metaCommand, searchCommand } from "../report/pipelines/fetch-node.ts";
import { localeOf, parseCommand } from "./args.ts";

const FLAGS = {
  agency: { type: "string" },
  select: { type: "string", multiple: true },
  codelist: { type: "string", multiple: true },
  out: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  offline: { type: "boolean" },
  refresh: { type: "boolean" },
} as const;

/** `omvarld search|meta|fetch …`: tables at the agencies, a table's variables, a table with a selection. */
export async function run(argv: readonly string[], command: "search" | "meta" | "fetch"): Promise<number> {
  const { values, positionals, help } = parseCommand(command, argv, FLAGS);
  if (help) return 0;
  // --lang is the labels' language at the API (sv, no or en) and the format of the numbers printed
  const locale = values.lang === "no" ? "nb" : localeOf(values.lang);
  const { agency, ...rest } = values;
  const flags = {
    ...rest,
    offline: values.offline === true,
    refresh: values.refresh === true,
    ...(locale ? { locale } : {}),
  };
  if (command === "search") {
    if (!positionals[0])
      throw new OmvarldError("ARGUMENT", "search needs TEXT", {}, "omvarld search befolkning --agency scb");
    console.log(await searchCommand(positionals.join(" "), agency ?? "scb", flags));
    return 0;
  }
  const [agencyName, table] = positionals;
  if (!agencyName || !table)
    throw new OmvarldError("ARGUMENT", `${command} needs AGENCY and TABLE`, {}, `omvarld ${command} scb TAB638`);
  if (command === "meta") {
    console.log(await metaCommand(agencyName, table, flags));
    return 0;
  }
  const tty = process.stderr.isTTY;
  const { output } = await fetchCommand(agencyName, table, flags, (line, final) =>
    process.stderr.write(tty ? `\r${line}${final ? "\n" : ""}` : `${line}\n`),
  );
  process.stdout.write(flags.out ? `${output}\n` : output);
  return 0;
}
