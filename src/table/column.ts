/**
 * Columns of the typed table. Numbers live in a Float64Array (missing is stored as NaN and read back as `null`);
 * strings are dictionary-encoded: an Int32Array of codes into a list of distinct strings (missing is code -1).
 */
export type Value = string | number | null;
export type ColumnType = "string" | "number";

export class NumberColumn {
  readonly type = "number" as const;
  readonly values: Float64Array;

  constructor(values: Float64Array) {
    this.values = values;
  }

  get length(): number {
    return this.values.length;
  }

  /** The value at row `i`, `null` where missing. */
  get(i: number): number | null {
    const v = this.values[i]!;
    return Number.isNaN(v) ? null : v;
  }

  /** A new column holding the rows at `index`, in that order. */
  take(index: ArrayLike<number>): NumberColumn {
    const out = new Float64Array(index.length);
    for (let k = 0; k < index.length; k++) out[k] = this.values[index[k]!]!;
    return new NumberColumn(out);
  }

  static from(values: ArrayLike<number | null>): NumberColumn {
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = v === null || v === undefined ? NaN : v;
    }
    return new NumberColumn(out);
  }
}

export class StringColumn {
  readonly type = "string" as const;
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];

  constructor(codes: Int32Array, dictionary: readonly string[]) {
    this.codes = codes;
    this.dictionary = dictionary;
  }

  get length(): number {
    return this.codes.length;
  }

  /** The value at row `i`, `null` where missing. */
  get(i: number): string | null {
    const c = this.codes[i]!;
    return c < 0 ? null : this.dictionary[c]!;
  }

  /** The dictionary code of `value`, or -1 when it never occurs. */
  codeOf(value: string): number {
    return this.dictionary.indexOf(value);
  }

  /**
   * Maps every distinct value through `f` without touching rows one by one: where the mapping is one-to-one only
   * the dictionary changes and the codes are shared; where values collapse ("0114 Upplands Väsby" and "0114"
   * both → "0114") the codes are remapped.
   */
  mapValues(f: (value: string) => string | null): StringColumn {
    const mapped = this.dictionary.map(f);
    if (mapped.every((v) => v !== null) && new Set(mapped).size === mapped.length)
      return new StringColumn(this.codes, mapped as string[]);
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const remap = mapped.map((value) => {
      if (value === null) return -1;
      let code = index.get(value);
      if (code === undefined) index.set(value, (code = dictionary.push(value) - 1));
      return code;
    });
    const out = new Int32Array(this.codes.length);
    for (let i = 0; i < out.length; i++) {
      const c = this.codes[i]!;
      out[i] = c < 0 ? -1 : remap[c]!;
    }
    return new StringColumn(out, dictionary);
  }

  take(index: ArrayLike<number>): StringColumn {
    const out = new Int32Array(index.length);
    for (let k = 0; k < index.length; k++) out[k] = this.codes[index[k]!]!;
    return new StringColumn(out, this.dictionary);
  }

  static from(values: ArrayLike<string | null>): StringColumn {
    const builder = new StringColumnBuilder(values.length);
    for (let i = 0; i < values.length; i++) builder.push(values[i] ?? null);
    return builder.finish();
  }
}

/** Appends strings one by one, encoding them on the fly. */
export class StringColumnBuilder {
  #codes: Int32Array;
  #length = 0;
  readonly #index = new Map<string, number>();
  readonly #dictionary: string[] = [];
  #last = "";
  #lastCode = -2;
  readonly #byteIndex = new Map<number, number>();
  readonly #cacheKeys = new Float64Array(256).fill(-1);
  readonly #cacheCodes = new Int32Array(256);
  #lastBytes: Uint8Array | null = null;
  #lastByteStart = 0;
  #lastByteEnd = 0;
  #lastByteCode = -1;

  /** `backing`: an array to fill first (a part of shared memory); past its end the builder grows into its own. */
  constructor(capacity = 1024, backing?: Int32Array) {
    this.#codes = backing && backing.length > 0 ? backing : new Int32Array(Math.max(capacity, 16));
  }

  #grow(): void {
    const grown = new Int32Array(this.#codes.length * 2);
    grown.set(this.#codes);
    this.#codes = grown;
  }

  #code(value: string): number {
    let code = this.#index.get(value);
    if (code === undefined) {
      code = this.#dictionary.length;
      this.#dictionary.push(value);
      this.#index.set(value, code);
    }
    this.#last = value;
    this.#lastCode = code;
    return code;
  }

  push(value: string | null): void {
    if (this.#length === this.#codes.length) this.#grow();
    this.#codes[this.#length++] = value === null ? -1 : value === this.#last ? this.#lastCode : this.#code(value);
  }

  /**
   * Appends `text.slice(start, end)` trimmed of spaces, empty as missing. Runs of the same value (a region repeated
   * down a file) are matched in place without copying the text.
   */
  pushSpan(text: string, start: number, end: number): void {
    while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
    while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (this.#length === this.#codes.length) this.#grow();
    if (start === end) {
      this.#codes[this.#length++] = -1;
      return;
    }
    const last = this.#last;
    if (this.#lastCode >= 0 && end - start === last.length && text.startsWith(last, start)) {
      this.#codes[this.#length++] = this.#lastCode;
      return;
    }
    this.#codes[this.#length++] = this.#code(text.slice(start, end));
  }

  /**
   * Appends the text of `bytes[start, end)` trimmed of spaces, decoding it only when it is new: short values
   * (≤ 6 bytes: codes like "0114", "1", "K") are looked up by their bytes packed into a number.
   */
  pushBytes(bytes: Uint8Array, start: number, end: number, decode: (start: number, end: number) => string): void {
    while (start < end && (bytes[start] === 32 || bytes[start] === 9)) start++;
    while (end > start && (bytes[end - 1] === 32 || bytes[end - 1] === 9)) end--;
    if (this.#length === this.#codes.length) this.#grow();
    const length = end - start;
    if (length === 0) {
      this.#codes[this.#length++] = -1;
      return;
    }
    if (length <= 6) {
      let key = length;
      for (let k = start; k < end; k++) key = key * 256 + bytes[k]!;
      // a direct-mapped cache on the last byte in front of the Map: "1"/"2" or "män"/"kvinnor" never reach it
      const slot = key & 0xff;
      if (this.#cacheKeys[slot] === key) {
        this.#codes[this.#length++] = this.#cacheCodes[slot]!;
        return;
      }
      let code = this.#byteIndex.get(key);
      if (code === undefined) this.#byteIndex.set(key, (code = this.#code(decode(start, end))));
      this.#cacheKeys[slot] = key;
      this.#cacheCodes[slot] = code;
      this.#codes[this.#length++] = code;
      return;
    }
    // a longer value: compare with the previous long value in place before decoding
    const ls = this.#lastByteStart;
    if (this.#lastBytes === bytes && this.#lastByteEnd - ls === length) {
      let same = true;
      for (let k = 0; k < length; k++) {
        if (bytes[start + k] !== bytes[ls + k]) {
          same = false;
          break;
        }
      }
      if (same) {
        this.#codes[this.#length++] = this.#lastByteCode;
        return;
      }
    }
    const code = this.#code(decode(start, end));
    this.#lastBytes = bytes;
    this.#lastByteStart = start;
    this.#lastByteEnd = end;
    this.#lastByteCode = code;
    this.#codes[this.#length++] = code;
  }

  /**
   * The column built. Its codes are a view of the builder's array when that is at least 90 % full, or `keepRoom`
   * (rows may then be appended after them in place, see `joinColumns`), else a copy of the rows alone.
   */
  finish(keepRoom = false): StringColumn {
    const codes =
      keepRoom || this.#length > this.#codes.length * 0.9
        ? this.#codes.subarray(0, this.#length)
        : this.#codes.slice(0, this.#length);
    return new StringColumn(codes, this.#dictionary);
  }
}

/** Appends numbers one by one (`null` for missing). */
export class NumberColumnBuilder {
  #values: Float64Array;
  #length = 0;

  /** `backing`: an array to fill first (a part of shared memory); past its end the builder grows into its own. */
  constructor(capacity = 1024, backing?: Float64Array) {
    this.#values = backing && backing.length > 0 ? backing : new Float64Array(Math.max(capacity, 16));
  }

  push(value: number | null): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2);
      grown.set(this.#values);
      this.#values = grown;
    }
    this.#values[this.#length++] = value === null ? NaN : value;
  }

  /** The column built (see `StringColumnBuilder.finish`). */
  finish(keepRoom = false): NumberColumn {
    const values =
      keepRoom || this.#length > this.#values.length * 0.9
        ? this.#values.subarray(0, this.#length)
        : this.#values.slice(0, this.#length);
    return new NumberColumn(values);
  }
}

export type Column = NumberColumn | StringColumn;

/** Builds a column from plain values: numbers (or null) give a number column, anything else a string column. */
export function columnFrom(values: readonly Value[], type?: ColumnType): Column {
  const kind = type ?? (values.some((v) => typeof v === "string") ? "string" : "number");
  if (kind === "number") {
    return NumberColumn.from(values.map((v) => (typeof v === "number" ? v : v === null ? null : Number(v))));
  }
  return StringColumn.from(values.map((v) => (v === null ? null : String(v))));
}
