import { strToU8, zipSync } from "fflate";
import { XlsxStyles } from "./xlsx-styles.ts";
import { columnCount, columnLetters, worksheetXml, xml, type XlsxSheet } from "./xlsx-worksheet.ts";

export { columnLetters, type XlsxCell, type XlsxFormula, type XlsxPrint, type XlsxSheet } from "./xlsx-worksheet.ts";
export { type XlsxStyle, XlsxStyles } from "./xlsx-styles.ts";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What the workbook holds besides its sheets. */
export interface XlsxPackageOptions {
  /** The cell styles the sheets' `style` indices point into (default: none, every cell plain). */
  styles?: XlsxStyles;
  title?: string | undefined;
  creator?: string;
  /** Ask Excel to recalculate every formula when the file is opened. */
  recalculate?: boolean;
}

/**
 * Writes sheets as an XLSX package (Office Open XML SpreadsheetML, zipped with fflate): shared strings, cell styles
 * (number formats, fonts, fills, borders, alignment), formulas with their cached results, frozen panes, column
 * widths and row heights, merged cells, filters, and a print setup (A4, orientation, fit to the page's width, rows
 * repeated on every page, print area, page header and footer). Written here rather than with exceljs: on 50 000
 * rows × 3 columns exceljs took 8-16 s and this 2.3-2.8 s, measured side by side on a 2-core machine under heavy
 * load (exceljs builds an object per cell and per style; it is also unmaintained since 2023). The files are read
 * back by exceljs and omvarld's own reader in the tests.
 *
 * @example
 * const styles = new XlsxStyles();
 * const bold = styles.add({ bold: true });
 * writeXlsxPackage([{ name: "A", rows: [["x"], [{ formula: "1+1", result: 2 }]], style: (r) => (r === 0 ? bold : 0) }], { styles });
 */
export function writeXlsxPackage(sheets: readonly XlsxSheet[], options: XlsxPackageOptions = {}): Uint8Array {
  const strings = new Map<string, number>();
  const stringIndex = (s: string) => {
    let k = strings.get(s);
    if (k === undefined) strings.set(s, (k = strings.size));
    return k;
  };
  const files: Record<string, Uint8Array> = {};
  files["[Content_Types].xml"] = strToU8(contentTypes(sheets.length));
  files["_rels/.rels"] = strToU8(
    `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  sheets.forEach((sheet, s) => {
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(
      worksheetXml(sheet, { selected: s === 0, strings: stringIndex }),
    );
  });
  files["xl/workbook.xml"] = strToU8(workbookXml(sheets, options.recalculate === true));
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `${HEAD}<Relationships xmlns="${PKG_REL}">` +
      sheets
        .map((_, s) => `<Relationship Id="rId${s + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`)
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  files["xl/styles.xml"] = strToU8((options.styles ?? new XlsxStyles()).xml(MAIN));
  const shared = [...strings.keys()].map(
    (s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ""}>${xml(s)}</t></si>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `${HEAD}<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${shared.join("")}</sst>`,
  );
  files["docProps/core.xml"] = strToU8(coreXml(options));
  // level 3: on 100 000 rows × 8 columns (26 MB of sheet XML) fflate took 1.7 s at level 3 against 4.5 s at level 6,
  // for a file 3 % larger
  return zipSync(files, { level: 3 });
}

/** A sheet's name in a reference: always quoted, quotes doubled. */
const quoted = (name: string) => `'${xml(name.replaceAll("'", "''"))}'`;

/** The workbook part: the sheets, their filters, print titles and print areas as defined names, calculation. */
function workbookXml(sheets: readonly XlsxSheet[], recalculate: boolean): string {
  const list = sheets.map((sheet, s) => `<sheet name="${xml(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`);
  const names: string[] = [];
  sheets.forEach((sheet, s) => {
    const last = columnLetters(columnCount(sheet) - 1);
    const name = (n: string, ref: string, hidden = false) =>
      names.push(
        `<definedName name="_xlnm.${n}" localSheetId="${s}"${hidden ? ' hidden="1"' : ""}>${quoted(sheet.name)}!${ref}</definedName>`,
      );
    if (sheet.filter) name("_FilterDatabase", `$A$${sheet.filter.first + 1}:$${last}$${sheet.filter.last + 1}`, true);
    const area = sheet.print?.area;
    if (area) name("Print_Area", `$A$1:$${columnLetters(area.lastColumn)}$${area.lastRow + 1}`);
    const titles = sheet.print?.titleRows;
    if (titles) name("Print_Titles", `$${titles[0] + 1}:$${titles[1] + 1}`);
  });
  return (
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${list.join("")}</sheets>` +
    (names.length ? `<definedNames>${names.join("")}</definedNames>` : "") +
    (recalculate ? '<calcPr calcId="191029" fullCalcOnLoad="1"/>' : "") +
    "</workbook>"
  );
}

/** [Content_Types].xml: what each part is. */
function contentTypes(sheets: number): string {
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  return (
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
    Array.from(
      { length: sheets },
      (_, s) => `<Override PartName="/xl/worksheets/sheet${s + 1}.xml" ContentType="${ct}.worksheet+xml"/>`,
    ).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>'
  );
}

/** The document's properties: title, creator, date. */
function coreXml(options: XlsxPackageOptions): string {
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  return (
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (options.title ? `<dc:title>${xml(options.title)}</dc:title>` : "") +
    `<dc:creator>${xml(options.creator ?? "omvarld")}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created></cp:coreProperties>`
  );
}
