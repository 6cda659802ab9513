import type { Browser } from "playwright-core";
import { findChromium, QUIET_CHROMIUM } from "../../src/report/pdf.ts";

/** Debian's Chromium (or $CHROMIUM), undefined where there is none. */
export const chromium = findChromium();

/** Headless Chromium with no network and no first-run chores, closed after `use`. */
export async function withBrowser<T>(use: (browser: Browser) => Promise<T>): Promise<T> {
  const { chromium: browserType } = await import("playwright-core");
  const browser = await browserType.launch({
    executablePath: chromium!,
    headless: true,
    args: [...QUIET_CHROMIUM],
  });
  try {
    return await use(browser);
  } finally {
    await browser.close();
  }
}

/** The printable width of an A4 page with the report's margins (210 mm − 2 × 16 mm) in CSS pixels (96 per inch). */
export const A4_PRINT_WIDTH = Math.floor(((210 - 2 * 16) / 25.4) * 96);
