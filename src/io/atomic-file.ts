import { randomBytes } from "node:crypto";
import { rename, rm } from "node:fs/promises";

/**
 * Writes a file so that it is never seen half-written: `write` fills a temporary file beside `path`, which is then
 * renamed over it; if anything fails, the temporary file is removed and `path` is left as it was.
 *
 * @example
 * await writeFileAtomic("out.csv", (temporary) => writeFile(temporary, text));
 */
export async function writeFileAtomic(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
