import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { OmvarldError } from "../errors.ts";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The headless browser to print with: $CHROMIUM, or Debian's chromium. */
export function findChromium(): string | undefined {
  return [process.env.CHROMIUM, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

/** Prints an HTML file to PDF with headless Chromium (no network, a fresh profile). */
export function printPdf(html: string, pdf: string): void {
  const chromium = findChromium();
  if (!chromium) {
    throw new OmvarldError(
      "DEPENDENCY",
      "no Chromium to print the PDF with",
      {},
      "install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM to its path; report.html prints from any browser too",
    );
  }
  const profile = mkdtempSync(join(tmpdir(), "omvarld-chromium-"));
  const run = spawnSync(
    chromium,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
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
