// The public names of io/. Helpers of the readers (decoding, cell parsing, label parsing, request splitting) stay
// importable by their module path inside the package only.
export { type Encoding } from "./decode.ts";
export { readBytes, type Format, type ReadOptions } from "./read.ts";
export { readCsv, type CsvOptions } from "./readers/csv.ts";
export { portableGunzip } from "./gunzip.ts";
export { readEurostatTsv } from "./readers/eurostat.ts";
export { readJsonStat } from "./readers/jsonstat.ts";
export { readKolada } from "./readers/kolada.ts";
export { readPx } from "./readers/px.ts";
export { readPxWebJson } from "./readers/pxweb-json.ts";
export { readSdmxCsv } from "./readers/sdmx.ts";
export { readXlsx } from "./readers/xlsx.ts";
export {
  asCanonical,
  asPopulationChange,
  CommutingFlows,
  CommutingStocks,
  Employment,
  Population,
  PopulationChange,
  ValueAdded,
  type Canonical,
} from "./canonical.ts";
export { describe, type Description } from "./describe.ts";
export { asCommutingFlows, asCommutingStocks } from "./commuting.ts";
export { asAttractivenessPanel } from "./attractiveness.ts";
export { recognise, type DatasetKind, type Recognised } from "./recognise.ts";
export { assembleDatasets, type Datasets } from "./datasets.ts";
export { type Sex } from "./sex.ts";
export { type AgeBand } from "./ages.ts";
export {
  PxWeb2,
  PXWEB2_URLS,
  type CodeList,
  type DataOptions,
  type PxWebConfig,
  type PxWebOptions,
  type TableMetadata,
  type TableSummary,
} from "./api/pxweb2.ts";
export { PxWeb1, PXWEB1_URLS, type PxNode } from "./api/pxweb1.ts";
export { eurostat, EUROSTAT_URL, type EurostatQuery } from "./api/eurostat.ts";
export { Kolada, KOLADA_URL, type Kpi, type MunicipalityGroup } from "./api/kolada.ts";
export { Klass, KLASS_URL, type ClassificationVersion, type KlassChange, type KlassCode } from "./api/klass.ts";
export {
  HttpClient,
  HttpStatusError,
  type CachedResponse,
  type CacheKey,
  type HttpOptions,
  type HttpResponse,
  type ResponseCache,
} from "./api/http.ts";
export { type Selection } from "./api/selection.ts";
export { AGENCIES, fetchTable, type Agency, type FetchTableOptions } from "./api/fetch-table.ts";
export { toCSV, toCSVBytes, type CsvWriteOptions } from "./csv/write.ts";
export { toXLSX, type XlsxTables, type XlsxWriteOptions } from "./export/xlsx.ts";
export { toArrowIPC, type ArrowWriteOptions } from "./export/arrow.ts";
export { toParquet, type ParquetWriteOptions } from "./export/parquet.ts";
