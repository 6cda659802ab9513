import { OmvarldError } from "../errors.ts";
import { type FetchOptions, fetchTableText, metaText, searchText } from "../report/pipelines/fetch-node.ts";
import { localeOf, parseCommand } from "./args.ts";
import { selectionOf } from "./selection.ts";

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

/**
 * The API options from the flags and the environment: OMVARLD_CACHE (the cache folder) and OMVARLD_<AGENCY>_URL
 * (the agency's base URL, for a mirror or a test server).
 */
function apiOptions(
  agency: string,
  values: { lang?: string; offline?: boolean; refresh?: boolean },
  env: NodeJS.ProcessEnv,
): FetchOptions {
  const lang = localeOf(values.lang);
  const baseUrl = env[`OMVARLD_${agency.toUpperCase()}_URL`];
  return {
    ...(env.OMVARLD_CACHE ? { cacheDir: env.OMVARLD_CACHE } : {}),
    ...(baseUrl ? { baseUrl } : {}),
    ...(values.offline ? { offline: true } : {}),
    ...(values.refresh ? { refresh: true } : {}),
    ...(lang ? { lang, locale: lang } : {}),
  };
}

/** `omvarld search|meta|fetch …`: tables at the agencies, a table's variables, a table with a selection. */
export async function run(argv: readonly string[], command: "search" | "meta" | "fetch"): Promise<number> {
  const { values, positionals, help } = parseCommand(command, argv, FLAGS);
  if (help) return 0;
  if (command === "search") {
    if (!positionals[0])
      throw new OmvarldError("ARGUMENT", "search needs TEXT", {}, "omvarld search befolkning --agency scb");
    const agency = values.agency ?? "scb";
    console.log(await searchText(positionals.join(" "), agency, apiOptions(agency, values, process.env)));
    return 0;
  }
  const [agency, table] = positionals;
  if (!agency || !table)
    throw new OmvarldError("ARGUMENT", `${command} needs AGENCY and TABLE`, {}, `omvarld ${command} scb TAB638`);
  const options = apiOptions(agency, values, process.env);
  if (command === "meta") {
    console.log(await metaText(agency, table, options));
    return 0;
  }
  // the file's kind is checked before anything is fetched (the library's writeTableFile takes these)
  if (values.out && !/\.(csv|xlsx|json|parquet|arrow)$/i.test(values.out))
    throw new OmvarldError(
      "ARGUMENT",
      `--out ${values.out}: the file must end in .csv, .xlsx, .json, .parquet or .arrow`,
      {},
      `omvarld fetch ${agency} ${table} --out ${table}.csv`,
    );
  const tty = process.stderr.isTTY;
  const { output } = await fetchTableText(agency, table, {
    ...options,
    selection: selectionOf(values.select, values.codelist),
    ...(values.out ? { file: values.out } : {}),
    ...(values.from ? { from: values.from } : {}),
    ...(values.to ? { to: values.to } : {}),
    onProgress: (line, final) => process.stderr.write(tty ? `\r${line}${final ? "\n" : ""}` : `${line}\n`),
  });
  process.stdout.write(values.out ? `${output}\n` : output);
  return 0;
}
