import { strToU8, zipSync } from "fflate";

/** A cell: text, a number (Infinity and NaN become Excel's #NUM! error), or null for an empty cell. */
export type XlsxCell = string | number | null;

/** One sheet to write: its rows (the first is the header), number formats and widths by column. */
export interface XlsxSheet {
  name: string;
  rows: readonly (readonly XlsxCell[])[];
  /** Excel number format of each column (en-US syntax), undefined for none. */
  formats: readonly (string | undefined)[];
  /** Width of each column in Excel's character units. */
  widths: readonly number[];
  /** Rows from this one on (0-based) are notes: no number format, small text, outside the filter. */
  notesFrom?: number;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

// eslint-disable-next-line no-control-regex
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text for XML: & < > " escaped; characters XML 1.0 cannot hold written as Excel's _xHHHH_. */
function xml(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) =>
    c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;",
  );
  return escaped.replace(NOT_IN_XML, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/**
 * A column's letters: 0 → "A", 25 → "Z", 26 → "AA".
 *
 * @example
 * columnLetters(27) // "AB"
 */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * Writes sheets as an XLSX package (Office Open XML SpreadsheetML, zipped with fflate): shared strings, one cell
 * style per number format, a bold header, the header row frozen and filtered, column widths. Written here rather
 * than with exceljs: on 50 000 rows × 3 columns exceljs took 8-16 s and this 2.3-2.8 s, measured side by side on a
 * 2-core machine under heavy load (exceljs builds an object per cell and per style; it is also unmaintained since
 * 2023). The file is read back by exceljs, openpyxl and omvarld's own reader in the tests and checks.
 */
export function writeXlsxPackage(
  sheets: readonly XlsxSheet[],
  properties: { title?: string | undefined; creator?: string } = {},
): Uint8Array {
  const strings = new Map<string, number>();
  const stringIndex = (s: string) => {
    let k = strings.get(s);
    if (k === undefined) strings.set(s, (k = strings.size));
    return k;
  };
  // styles: 0 plain, 1 bold header, 2 small notes, 3 bold header of a number column (right-aligned), then one per number format
  const formats = new Map<string, number>();
  const styleOf = (format: string) => {
    let k = formats.get(format);
    if (k === undefined) formats.set(format, (k = formats.size));
    return 4 + k;
  };
  const files: Record<string, Uint8Array> = {};
  sheets.forEach((sheet, s) => {
    const styles = sheet.formats.map((f) => (f ? styleOf(f) : 0));
    const notesFrom = sheet.notesFrom ?? sheet.rows.length;
    const lastColumn = columnLetters(Math.max(0, (sheet.rows[0]?.length ?? 1) - 1));
    const parts: string[] = [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`,
      `<dimension ref="A1:${lastColumn}${Math.max(1, sheet.rows.length)}"/>`,
      '<sheetViews><sheetView workbookViewId="0"' +
        (s === 0 ? ' tabSelected="1"' : "") +
        '><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>',
      '<sheetFormatPr defaultRowHeight="15"/>',
    ];
    if (sheet.widths.length)
      parts.push(
        `<cols>${sheet.widths.map((w, k) => `<col min="${k + 1}" max="${k + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`,
      );
    parts.push("<sheetData>");
    const letters = sheet.widths.map((_, k) => columnLetters(k));
    sheet.rows.forEach((row, r) => {
      if (row.length === 0) return;
      const header = r === 0;
      const note = r >= notesFrom;
      const cells: string[] = [];
      row.forEach((v, k) => {
        if (v === null) return;
        const ref = `${letters[k] ?? columnLetters(k)}${r + 1}`;
        if (typeof v === "string") {
          const style = header ? (sheet.formats[k] ? 3 : 1) : note ? 2 : 0;
          cells.push(`<c r="${ref}"${style ? ` s="${style}"` : ""} t="s"><v>${stringIndex(v)}</v></c>`);
        } else {
          const style = header ? 1 : note ? 0 : styles[k]!;
          cells.push(
            Number.isFinite(v)
              ? `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${v}</v></c>`
              : `<c r="${ref}" t="e"><v>#NUM!</v></c>`,
          );
        }
      });
      parts.push(`<row r="${r + 1}">${cells.join("")}</row>`);
    });
    parts.push("</sheetData>");
    const dataRows = Math.min(sheet.rows.length, notesFrom);
    if (sheet.rows.length > 0) parts.push(`<autoFilter ref="A1:${lastColumn}${Math.max(1, dataRows)}"/>`);
    parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
    files[`xl/worksheets/sheet${s + 1}.xml`] = strToU8(parts.join(""));
  });

  const sheetList = sheets
    .map((sheet, s) => `<sheet name="${xml(sheet.name)}" sheetId="${s + 1}" r:id="rId${s + 1}"/>`)
    .join("");
  const filters = sheets
    .map((sheet, s) => {
      const columns = Math.max(1, sheet.rows[0]?.length ?? 1);
      const last = Math.max(1, Math.min(sheet.rows.length, sheet.notesFrom ?? sheet.rows.length));
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${s}" hidden="1">'${xml(sheet.name.replaceAll("'", "''"))}'!$A$1:$${columnLetters(columns - 1)}$${last}</definedName>`;
    })
    .join("");
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${sheetList}</sheets><definedNames>${filters}</definedNames></workbook>`,
  );
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">` +
      sheets
        .map((_, s) => `<Relationship Id="rId${s + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${s + 1}.xml"/>`)
        .join("") +
      `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${sheets.length + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  const numFmts = [...formats.keys()]
    .map((code, k) => `<numFmt numFmtId="${164 + k}" formatCode="${xml(code)}"/>`)
    .join("");
  const xfs = [...formats.keys()]
    .map((_, k) => `<xf numFmtId="${164 + k}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)
    .join("");
  files["xl/styles.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}">` +
      (formats.size ? `<numFmts count="${formats.size}">${numFmts}</numFmts>` : "") +
      '<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><sz val="9"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${4 + formats.size}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="right"/></xf>${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  );
  const shared = [...strings.keys()].map(
    (s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ""}>${xml(s)}</t></si>`,
  );
  files["xl/sharedStrings.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${strings.size}" uniqueCount="${strings.size}">${shared.join("")}</sst>`,
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
  files["docProps/core.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      (properties.title ? `<dc:title>${xml(properties.title)}</dc:title>` : "") +
      `<dc:creator>${xml(properties.creator ?? "omvarld")}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created></cp:coreProperties>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
  );
  const ct = "application/vnd.openxmlformats-officedocument.spreadsheetml";
  files["[Content_Types].xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
      sheets
        .map((_, s) => `<Override PartName="/xl/worksheets/sheet${s + 1}.xml" ContentType="${ct}.worksheet+xml"/>`)
        .join("") +
      `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
  );
  // [Content_Types].xml first, as Office writes it
  const ordered: Record<string, Uint8Array> = { "[Content_Types].xml": files["[Content_Types].xml"]! };
  for (const [name, data] of Object.entries(files)) if (name !== "[Content_Types].xml") ordered[name] = data;
  // level 3: on 100 000 rows × 8 columns (26 MB of sheet XML) fflate took 1.7 s at level 3 against 4.5 s at level 6,
  // for a file 3 % larger
  return zipSync(ordered, { level: 3 });
}
