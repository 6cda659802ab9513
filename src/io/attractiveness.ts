import { OmvarldError } from "../errors.ts";
import { Table } from "../table/table.ts";

const TEXT = ["region", "region_name", "level", "county_name", "business_region"];

/**
 * Telemarksforsking's panel (`data/tf/no-regions-2003-2016.csv`: level, code, name, county, region, year,
 * population, ...) as the attractiveness panel: `level` in lower case (kommune, region, fylke), `region` the code
 * with its leading zeros back (kommuner 4 digits, fylker 2; Telemarksforsking's own region numbers as they are),
 * `region_name` the name, `county_name` and `business_region` beside.
 */
export function asAttractivenessPanel(table: Table): Table {
  if (!table.has("level") || !table.has("code")) {
    throw new OmvarldError(
      "SCHEMA",
      "not Telemarksforsking's panel: no level and code columns",
      { file: table.provenance.file },
      "build the panel from population, components and jobs tables instead",
    );
  }
  // read() takes the panel's "county" and "region" (the business region) for region columns: put them back
  const rows = table.toRows().map(({ code, name, region: county, region_name: region, level, ...rest }) => {
    const lower = String(level).toLowerCase();
    const padded =
      lower === "kommune"
        ? String(code).padStart(4, "0")
        : lower === "fylke"
          ? String(code).padStart(2, "0")
          : String(code);
    return {
      region: padded,
      region_name: name ?? null,
      level: lower,
      county_name: county ?? null,
      business_region: region ?? null,
      ...rest,
    };
  });
  const types = Object.fromEntries(
    Object.keys(rows[0] ?? {}).map((k) => [k, TEXT.includes(k) ? ("string" as const) : ("number" as const)]),
  );
  return Table.fromRows(rows, {
    provenance: { ...table.provenance, source: "Telemarksforsking / SSB" },
    types,
    roles: Object.fromEntries(TEXT.map((k) => [k, "dimension" as const])),
  }).withWarnings(
    ...table.warnings.filter((w) => !w.startsWith("the region column holds names")),
    "kommune and fylke codes had lost their leading zeros; they were padded",
  );
}
