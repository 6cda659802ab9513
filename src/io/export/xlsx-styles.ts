/** A cell's look: number format, font, fill, border and alignment. Colours are ARGB ("FFDDEBF7"). */
export interface XlsxStyle {
  /** Excel number format in Excel's en-US syntax ("#,##0", "0.0"), which Excel shows in the reader's locale. */
  format?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default 11). */
  size?: number;
  /** Font colour. */
  color?: string;
  /** A solid fill. */
  fill?: string;
  /** Thin borders on the sides named. */
  border?: readonly ("top" | "bottom" | "left" | "right")[];
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "center" | "bottom";
  /** Wrap the text within the column's width. */
  wrap?: boolean;
  /** Text rotation in degrees (0-90 counter-clockwise). */
  rotate?: number;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));

/** One index per distinct key, in order of first use. */
class Pool {
  readonly keys = new Map<string, number>();
  constructor(first: readonly string[] = []) {
    for (const k of first) this.id(k);
  }
  id(key: string): number {
    let k = this.keys.get(key);
    if (k === undefined) this.keys.set(key, (k = this.keys.size));
    return k;
  }
}

const FONT = (s: XlsxStyle) =>
  `<font>${s.bold ? "<b/>" : ""}${s.italic ? "<i/>" : ""}<sz val="${s.size ?? 11}"/>${s.color ? `<color rgb="${s.color}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`;
const FILL = (argb: string) =>
  `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`;
const BORDER = (sides: readonly string[]) =>
  `<border>${["left", "right", "top", "bottom"].map((s) => (sides.includes(s) ? `<${s} style="thin"><color auto="1"/></${s}>` : `<${s}/>`)).join("")}<diagonal/></border>`;

/**
 * The cell styles of a workbook: `add` gives a style's index for a cell's `s` attribute (0 is the plain style), and
 * `xml` the styles part with fonts, fills, borders and number formats each written once.
 *
 * @example
 * const styles = new XlsxStyles();
 * styles.add({ bold: true }) // 1
 * styles.add({ bold: true }) // 1 again
 */
export class XlsxStyles {
  private readonly xfs = new Pool(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly formats = new Pool();
  private readonly fonts = new Pool([FONT({})]);
  private readonly fills = new Pool([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Pool([BORDER([])]);

  /** The index of a style, the same for the same look. */
  add(style: XlsxStyle): number {
    const parts: string[] = [];
    const numFmt = style.format ? 164 + this.formats.id(style.format) : 0;
    const font = this.fonts.id(FONT(style));
    const fill = style.fill ? this.fills.id(FILL(style.fill)) : 0;
    const border = style.border?.length ? this.borders.id(BORDER(style.border)) : 0;
    const align = [
      style.horizontal ? ` horizontal="${style.horizontal}"` : "",
      style.vertical ? ` vertical="${style.vertical}"` : "",
      style.wrap ? ' wrapText="1"' : "",
      style.rotate ? ` textRotation="${style.rotate}"` : "",
    ].join("");
    parts.push(
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`,
      numFmt ? ' applyNumberFormat="1"' : "",
      font ? ' applyFont="1"' : "",
      fill ? ' applyFill="1"' : "",
      border ? ' applyBorder="1"' : "",
      align ? ` applyAlignment="1"><alignment${align}/></xf>` : "/>",
    );
    return this.xfs.id(parts.join(""));
  }

  /** The styles part (xl/styles.xml). */
  xml(namespace: string): string {
    const xfs = [...this.xfs.keys.keys()];
    const formats = [...this.formats.keys.keys()];
    const list = (tag: string, items: readonly string[]) =>
      `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${namespace}">` +
      (formats.length
        ? list(
            "numFmts",
            formats.map((code, k) => `<numFmt numFmtId="${164 + k}" formatCode="${escape(code)}"/>`),
          )
        : "") +
      list("fonts", [...this.fonts.keys.keys()]) +
      list("fills", [...this.fills.keys.keys()]) +
      list("borders", [...this.borders.keys.keys()]) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
    );
  }
}
