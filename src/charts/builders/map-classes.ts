import { formatNumber, type Locale } from "../locale.ts";

/** ColorBrewer BrBG: three browns below zero, three blue-greens above (colour-blind safe, readable in grey print). */
const BELOW = ["#8c510a", "#d8b365", "#f6e8c3"];
const ABOVE = ["#c7eae5", "#5ab4ac", "#01665e"];
/** ColorBrewer Blues, five classes, for an indicator without a natural zero. */
const SEQUENTIAL = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"];

/** Classes of a choropleth: their lower bounds, labels and colours, lowest first. */
export interface Classes {
  /** Each class's lower bound; the first is -Infinity. */
  lower: number[];
  labels: string[];
  colours: string[];
  /** The decimals the labels show. */
  digits: number;
}

/**
 * A round step near `span / count`: 1, 2, 2.5 or 5 times a power of ten.
 *
 * @example
 * niceStep(7, 3)   // 2.5
 * niceStep(0.9, 3) // 0.5
 */
export function niceStep(span: number, count: number): number {
  const raw = span / count;
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw)!;
  return step * power;
}

/** Decimals that show a step exactly (2.5 → 1, 0.25 → 2, 10 → 0). */
function digitsOf(step: number): number {
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * The classes of a choropleth. Diverging (an indicator with a natural zero: growth, net migration, attractiveness):
 * up to three classes on each side of zero that the values reach, in steps of `niceStep(max |v|, 3)` on that side,
 * so that the colour's hue says the sign. Sequential (a ratio, a share): five classes of equal, round width from
 * below the smallest value.
 *
 * @example
 * choroplethClasses([-4, 1, 9], { diverging: true, locale: "en" }).labels
 * // ["< −2", "−2 – 0", "0 – 5", "≥ 5"]  (steps 2 below zero, 5 above)
 */
export function choroplethClasses(
  values: readonly number[],
  options: { diverging: boolean; locale: Locale; unit?: string },
): Classes {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const lower: number[] = [];
  const colours: string[] = [];
  let digits = 0;
  if (options.diverging) {
    if (min < 0) {
      const step = niceStep(-min, 3);
      digits = Math.max(digits, digitsOf(step));
      lower.push(-Infinity, -2 * step, -step);
      colours.push(...BELOW);
    }
    if (max >= 0 || min >= 0) {
      const step = niceStep(Math.max(max, 0), 3);
      digits = Math.max(digits, digitsOf(step));
      lower.push(0, step, 2 * step);
      colours.push(...ABOVE);
    }
  } else {
    const step = niceStep(max - min, SEQUENTIAL.length);
    digits = digitsOf(step);
    const start = Math.floor(min / step) * step;
    SEQUENTIAL.forEach((c, k) => {
      lower.push(k === 0 ? -Infinity : start + k * step);
      colours.push(c);
    });
  }
  // classes no value reaches at either end are dropped: the legend shows the range the map holds
  let first = 0;
  while (first < lower.length - 1 && lower[first + 1]! <= min) first++;
  let last = lower.length - 1;
  while (last > first && lower[last]! > max) last--;
  const kept = lower.slice(first, last + 1);
  kept[0] = -Infinity;
  const n = (v: number) => formatNumber(v, options.locale, digits) + (options.unit ?? "");
  const labels = kept.map((lo, k) => {
    const hi = kept[k + 1];
    if (kept.length === 1) return `${n(min)} – ${n(max)}`;
    if (lo === -Infinity) return `< ${n(hi!)}`;
    return hi === undefined ? `≥ ${n(lo)}` : `${n(lo)} – ${n(hi)}`;
  });
  return { lower: kept, labels, colours: colours.slice(first, last + 1), digits };
}

/** The label of the class a value falls in. */
export function classOf(value: number, classes: Classes): string {
  let k = 0;
  while (k + 1 < classes.lower.length && value >= classes.lower[k + 1]!) k++;
  return classes.labels[k]!;
}
