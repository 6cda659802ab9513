import { OmvarldError } from "../../errors.ts";

interface Category {
  index?: Record<string, number> | string[];
  label?: Record<string, string>;
  [key: string]: unknown;
}
interface Dimension {
  category: Category;
  [key: string]: unknown;
}
/** The parts of a JSON-stat 2.0 dataset that joining touches. */
export interface JsonStatDataset {
  id: string[];
  size: number[];
  dimension: Record<string, Dimension>;
  value: (number | null)[] | Record<string, number | null>;
  status?: string | (string | null)[] | Record<string, string> | null;
  [key: string]: unknown;
}

function codesOf(category: Category): string[] {
  const index = category.index;
  if (Array.isArray(index)) return index;
  if (index)
    return Object.entries(index)
      .sort((a, b) => a[1] - b[1])
      .map(([k]) => k);
  return Object.keys(category.label ?? {});
}

/**
 * Joins JSON-stat 2.0 datasets that hold disjoint blocks of one table (the calls of a split selection) into one
 * dataset: each dimension's categories in order of first appearance over the parts, every value placed at its
 * row-major position (flat index = Σ position_k · Π size_j for j > k), cells no part holds left null.
 *
 * @example
 * joinJsonStat([{ id: ["Tid"], size: [1], dimension: { Tid: { category: { index: { "2023": 0 } } } }, value: [1] },
 *               { id: ["Tid"], size: [1], dimension: { Tid: { category: { index: { "2024": 0 } } } }, value: [2] }]).value;
 * // [1, 2]
 */
export function joinJsonStat(parts: readonly JsonStatDataset[], file?: string): JsonStatDataset {
  const first = parts[0];
  if (!first) throw new OmvarldError("ARGUMENT", "nothing to join: no parts");
  if (parts.length === 1) return first;
  const ids = first.id;
  const codes = ids.map(() => new Map<string, number>());
  const labels = ids.map(() => ({}) as Record<string, string>);
  for (const part of parts) {
    if (part.id.join() !== ids.join()) {
      throw new OmvarldError(
        "PARSE",
        `the parts of the answer differ in their dimensions (${part.id.join(", ")} against ${ids.join(", ")})`,
        { file },
      );
    }
    ids.forEach((id, k) => {
      const category = part.dimension[id]!.category;
      for (const code of codesOf(category)) if (!codes[k]!.has(code)) codes[k]!.set(code, codes[k]!.size);
      Object.assign(labels[k]!, category.label ?? {});
    });
  }
  const size = codes.map((c) => c.size);
  const total = size.reduce((p, s) => p * s, 1);
  const value: (number | null)[] = new Array<number | null>(total).fill(null);
  const status: Record<string, string> = {};
  let anyStatus = false;
  for (const part of parts) {
    const partCodes = ids.map((id) => codesOf(part.dimension[id]!.category));
    const partSize = partCodes.map((c) => c.length);
    const cells = partSize.reduce((p, s) => p * s, 1);
    const dense = Array.isArray(part.value);
    if (dense && (part.value as unknown[]).length !== cells) {
      throw new OmvarldError(
        "FILE_TRUNCATED",
        `a part of the answer has ${(part.value as unknown[]).length} values, expected ${cells}`,
        { file },
      );
    }
    // where each of the part's positions lands in the joined dataset, per dimension
    const target = partCodes.map((c, k) => c.map((code) => codes[k]!.get(code)!));
    const stride = size.map((_, k) => size.slice(k + 1).reduce((p, s) => p * s, 1));
    const counter = new Array<number>(ids.length).fill(0);
    for (let i = 0; i < cells; i++) {
      let at = 0;
      for (let k = 0; k < ids.length; k++) at += target[k]![counter[k]!]! * stride[k]!;
      const v = dense ? (part.value as (number | null)[])[i] : (part.value as Record<string, number | null>)[String(i)];
      value[at] = v ?? null;
      const s = statusOf(part.status, i);
      if (s !== null) {
        status[String(at)] = s;
        anyStatus = true;
      }
      for (let k = ids.length - 1; k >= 0; k--) {
        if (++counter[k]! < partSize[k]!) break;
        counter[k] = 0;
      }
    }
  }
  const dimension = Object.fromEntries(
    ids.map((id, k) => {
      const d = first.dimension[id]!;
      const index = Object.fromEntries(codes[k]!);
      return [id, { ...d, category: { ...d.category, index, label: labels[k]! } }];
    }),
  );
  const joined: JsonStatDataset = { ...first, id: ids, size, dimension, value };
  if (anyStatus) joined.status = status;
  else delete joined.status;
  return joined;
}

function statusOf(status: JsonStatDataset["status"], i: number): string | null {
  if (status === undefined || status === null) return null;
  if (typeof status === "string") return status;
  if (Array.isArray(status)) return status.length === 1 ? (status[0] ?? null) : (status[i] ?? null);
  return status[String(i)] ?? null;
}
