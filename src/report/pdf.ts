import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { OmvarldError } from "../errors.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The headless browser to print with: `path` when given and present, else the first of Debian's and Ubuntu's
 * chromium, chromium-browser or google-chrome in /usr/bin.
 *
 * @example
 * findChromium("/opt/chromium/chrome") // "/opt/chromium/chrome" where it exists
 */
export function findChromium(path?: string): string | undefined {
  return [path, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

/** Chromium without a sandbox, GPU or network chores (first run, updates, sync): for printing and for tests. */
export const QUIET_CHROMIUM: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Options of `printPdf`. */
export interface PrintPdfOptions {
  /** The Chromium (or Chrome) executable; default the first found in /usr/bin (see `findChromium`). */
  chromium?: string;
}

/**
 * Prints an HTML file to PDF with headless Chromium (no network, a fresh profile).
 *
 * @example
 * printPdf("out/trysil/report.html", "out/trysil/report.pdf", { chromium: "/usr/bin/chromium" });
 */
export function printPdf(html: string, pdf: string, options: PrintPdfOptions = {}): void {
  const chromium = findChromium(options.chromium);
  if (!chromium) {
    throw new OmvarldError(
      "DEPENDENCY",
      options.chromium
        ? `no Chromium at ${options.chromium} to print the PDF with`
        : "no Chromium to print the PDF with",
      {},
      "install it (Debian/Ubuntu: sudo apt-get install chromium) or give its path; report.html prints from any browser too",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "omvarld-chromium-"));
  const run = spawnSync(
    chromium,
    [
      "--headless",
      ...QUIET_CHROMIUM,
      `--user-data-dir=${profile}`,
      "--no-pdf-header-footer",
      `--print-to-pdf=${resolve(pdf)}`,
      pathToFileURL(resolve(html)).href,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (run.status !== 0 || !existsSync(pdf)) {
    throw new OmvarldError(
      "DEPENDENCY",
      `Chromium could not print the PDF (exit ${run.status})`,
      {},
      (run.stderr ?? "").split("\n").find((l) => l.trim()) ?? "run it by hand to see why",
    );
  }
}
