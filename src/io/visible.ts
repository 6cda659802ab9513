/**
 * Text as an error message may show it: control characters, NUL bytes, BOMs and other invisible characters
 * escaped (`\0`, `\t`, `\u200b`), and anything longer than `max` characters shortened with its length.
 *
 * @example
 * visible("a\u0000\u0000b")        // "a\\0\\0b"
 * visible("9".repeat(5000), 10)    // "9999999999… (5000 characters)"
 */
export function visible(text: string, max = 40): string {
  const head = text.length > max ? text.slice(0, max) : text;
  // eslint-disable-next-line no-control-regex
  const escaped = head.replace(/[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028\u2029\ufeff\ufffd]/g, (c) => {
    if (c === "\0") return "\\0";
    if (c === "\t") return "\\t";
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
  return text.length > max ? `${escaped}… (${text.length} characters)` : escaped;
}
