import { OmvarldError } from "../errors.ts";
import { clearTableCache, tableCacheSize } from "../io/table-cache-node.ts";
import { parseCommand } from "./args.ts";

/** `omvarld cache [clear]`: where the parsed tables are kept and how much they take, or remove them. */
export function run(argv: readonly string[]): number {
  const { positionals, help } = parseCommand("cache", argv, {}, 1);
  if (help) return 0;
  const [action = "info"] = positionals;
  if (action === "clear") {
    const { files, bytes } = clearTableCache();
    console.log(
      `removed ${files} parsed table${files === 1 ? "" : "s"} (${megabytes(bytes)}) from ${tableCacheSize().folder}`,
    );
    return 0;
  }
  if (action === "info") {
    const { folder, files, bytes } = tableCacheSize();
    console.log(`${folder}: ${files} parsed table${files === 1 ? "" : "s"}, ${megabytes(bytes)}`);
    return 0;
  }
  throw new OmvarldError(
    "ARGUMENT",
    `unknown cache action "${action}"`,
    {},
    "omvarld cache (where and how large), omvarld cache clear",
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
