import type { Config } from "./spec.ts";

/** The languages of charts and reports. */
export type Locale = "sv" | "nb" | "en";

/** d3-format / d3-time-format locales as Vega-Lite's `config.locale` takes them (lower-case month names). */
export const LOCALES: Readonly<Record<Locale, Required<NonNullable<Config["locale"]>>>> = {
  sv: {
    number: {
      decimal: ",",
      thousands: "\u00a0",
      grouping: [3],
      currency: ["", "\u00a0kr"],
      minus: "\u2212",
      percent: "\u00a0%",
    },
    time: {
      dateTime: "%A %e %B %Y %X",
      date: "%Y-%m-%d",
      time: "%H:%M:%S",
      periods: ["fm", "em"],
      days: ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"],
      shortDays: ["sön", "mån", "tis", "ons", "tor", "fre", "lör"],
      months: [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
      ],
      shortMonths: ["jan", "feb", "mars", "apr", "maj", "juni", "juli", "aug", "sep", "okt", "nov", "dec"],
    },
  },
  nb: {
    number: {
      decimal: ",",
      thousands: "\u00a0",
      grouping: [3],
      currency: ["", "\u00a0kr"],
      minus: "\u2212",
      percent: "\u00a0%",
    },
    time: {
      dateTime: "%A %e. %B %Y kl. %X",
      date: "%d.%m.%Y",
      time: "%H:%M:%S",
      periods: ["AM", "PM"],
      days: ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
      shortDays: ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
      months: [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
      ],
      shortMonths: ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"],
    },
  },
  en: {
    number: { decimal: ".", thousands: ",", grouping: [3], currency: ["£", ""], minus: "\u2212" },
    time: {
      dateTime: "%a %e %b %Y %X",
      date: "%d/%m/%Y",
      time: "%H:%M:%S",
      periods: ["AM", "PM"],
      days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
      shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
      months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
      ],
      shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    },
  },
};

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Numbers for sentences, tables and the terminal: "1 234,5" (sv, nb) or "1,234.5" (en), minus as U+2212, "–" for
 * missing. A value that rounds to zero is shown without a minus ("0,0", not "−0,0").
 */
export function formatNumber(value: number | null, locale: Locale = "sv", digits = 0): string {
  if (value === null || !Number.isFinite(value)) return "–";
  const key = `${locale}|${digits}`;
  let format = formatters.get(key);
  if (!format) {
    const tag = locale === "sv" ? "sv-SE" : locale === "nb" ? "nb-NO" : "en-GB";
    formatters.set(
      key,
      (format = new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits })),
    );
  }
  return format.format(Math.round(value * 10 ** digits) === 0 ? 0 : value);
}

/** The chart words; the report's, the annex's and the kommun sections' are in `words/`, each defined once. */
export { word, type Word } from "./words/chart.ts";
