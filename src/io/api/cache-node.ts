import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { writeFileAtomic } from "../atomic-file.ts";
import { homedir } from "node:os";
import { join } from "node:path";
import type { CachedResponse, CacheKey, ResponseCache } from "./http.ts";

/**
 * The cache folder: `OMVARLD_CACHE` if set, else the platform's cache folder plus `omvarld`:
 * `%LOCALAPPDATA%` on Windows, `~/Library/Caches` on macOS, `$XDG_CACHE_HOME` or `~/.cache` elsewhere.
 *
 * @example
 * cacheFolder({ XDG_CACHE_HOME: "/tmp/c" }, "linux"); // "/tmp/c/omvarld"
 */
export function cacheFolder(
  env: Record<string, string | undefined> = process.env,
  platform: string = process.platform,
  home: string = homedir(),
): string {
  if (env.OMVARLD_CACHE) return env.OMVARLD_CACHE;
  if (platform === "win32") return join(env.LOCALAPPDATA ?? join(home, "AppData", "Local"), "omvarld", "Cache");
  if (platform === "darwin") return join(home, "Library", "Caches", "omvarld");
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "omvarld");
}

/** The file name of a cached answer: sha256 of method, URL and body. */
export function cacheName(key: CacheKey): string {
  return createHash("sha256")
    .update(`${key.method}\n${key.url}\n${key.body ?? ""}`)
    .digest("hex");
}

/**
 * A cache of API answers on disk: one file per request (`<sha256>.bin`: a JSON header line with the request,
 * the content type and the retrieval time, then the body's bytes). A new answer is written to a temporary file
 * in the same folder and renamed over the old one, so a reader sees the old answer or the new one, never half.
 *
 * @example
 * import { fileCache, PxWeb2 } from "omvarld/node";
 * const scb = new PxWeb2("scb", { cache: fileCache() }); // ~/.cache/omvarld on Linux
 */
export function fileCache(folder: string = cacheFolder()): ResponseCache & { folder: string } {
  return {
    folder,
    async get(key: CacheKey): Promise<CachedResponse | undefined> {
      let bytes: Buffer;
      try {
        bytes = await readFile(join(folder, `${cacheName(key)}.bin`));
      } catch {
        return undefined;
      }
      const newline = bytes.indexOf(10);
      if (newline < 0) return undefined;
      try {
        const header = JSON.parse(bytes.subarray(0, newline).toString("utf8")) as {
          method: string;
          url: string;
          body?: string;
          contentType: string;
          retrieved: number;
          length: number;
        };
        const body = new Uint8Array(bytes.subarray(newline + 1));
        // a hash collision or a damaged file is a miss, never a wrong answer
        if (
          header.method !== key.method ||
          header.url !== key.url ||
          (header.body ?? "") !== (key.body ?? "") ||
          header.length !== body.length
        )
          return undefined;
        return { contentType: header.contentType, body, retrieved: header.retrieved };
      } catch {
        return undefined;
      }
    },
    async set(key: CacheKey, response: CachedResponse): Promise<void> {
      await mkdir(folder, { recursive: true });
      const target = join(folder, `${cacheName(key)}.bin`);
      const header = JSON.stringify({
        method: key.method,
        url: key.url,
        ...(key.body === undefined ? {} : { body: key.body }),
        contentType: response.contentType,
        retrieved: response.retrieved,
        length: response.body.length,
      });
      await writeFileAtomic(target, (temporary) =>
        writeFile(temporary, Buffer.concat([Buffer.from(`${header}\n`, "utf8"), response.body])),
      );
    },
  };
}
