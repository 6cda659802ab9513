import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A file under tests/fixtures/api. */
export function apiFixture(path: string): Buffer {
  return readFileSync(new URL(`../fixtures/api/${path}`, import.meta.url));
}

export interface Route {
  method: "GET" | "POST";
  /** Path after the server's root, e.g. "/api/v2/tables/TAB638/metadata". */
  path: string;
  /** The query string as sent (order matters: the clients send a fixed order), "" for none. */
  query?: string;
  /** POST: the JSON body it answers (compared as parsed JSON). */
  body?: unknown;
  /** A recorded answer under tests/fixtures/api. */
  file?: string;
  status?: number;
  headers?: Record<string, string>;
  /** A written answer; it gets the parsed body. */
  handle?: (request: IncomingMessage, response: ServerResponse, body: unknown) => void;
}

export interface Replay {
  url: string;
  /** "METHOD path?query" of every request received, in order. */
  hits: string[];
  close(): Promise<void>;
}

const canonical = (value: unknown): string => JSON.stringify(value);

/**
 * A real HTTP server on 127.0.0.1 (port 0) that answers requests by method, path, query and JSON body with
 * recorded files or written handlers; anything else gets 404 with a JSON problem, as PxWebApi 2 does.
 */
export async function replay(routes: readonly Route[]): Promise<Replay> {
  const hits: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const path = decodeURIComponent(url.pathname);
      const query = url.search.replace(/^\?/, "");
      hits.push(`${request.method} ${path}${query ? `?${query}` : ""}`);
      const text = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      const route = routes.find(
        (r) =>
          r.method === request.method &&
          r.path === path &&
          (r.query === undefined || decodeURIComponent(r.query) === decodeURIComponent(query)) &&
          (r.body === undefined || canonical(r.body) === canonical(body)),
      );
      if (!route) {
        response.writeHead(404, { "content-type": "application/problem+json; charset=utf-8" });
        response.end(
          JSON.stringify({
            type: "https://tools.ietf.org/html/rfc7231#section-6.5.4",
            title: "Not Found",
            status: 404,
          }),
        );
        return;
      }
      if (route.handle) return route.handle(request, response, body);
      const bytes = apiFixture(route.file!);
      response.writeHead(route.status ?? 200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": String(bytes.length),
        ...route.headers,
      });
      response.end(bytes);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** JSON answer helper for written handlers. */
export function sendJson(
  response: ServerResponse,
  value: unknown,
  status = 200,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(JSON.stringify(value), "utf8");
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(bytes.length),
    ...headers,
  });
  response.end(bytes);
}

/** The recorded SCB answers for TAB638 (PxWebApi 2): /config, the metadata and the one recorded data call. */
export const TAB638_ROUTES: Route[] = [
  { method: "GET", path: "/api/v2/config", query: "", file: "scb-v2/config.json" },
  {
    method: "GET",
    path: "/api/v2/tables/TAB638/metadata",
    query: "lang=sv",
    file: "scb-v2/tables/TAB638/metadata.json",
  },
  {
    method: "POST",
    path: "/api/v2/tables/TAB638/data",
    query: "lang=sv&outputFormat=json-stat2",
    body: JSON.parse(apiFixture("scb-v2/tables/TAB638/data-35e0e2-5aec69-POST.request.json").toString("utf8")),
    file: "scb-v2/tables/TAB638/data-35e0e2-5aec69-POST.json",
  },
];

/** The selection of the recorded TAB638 data call. */
export const TAB638_RECORDED = {
  Region: "00",
  Civilstand: "OG",
  Alder: "0",
  Kon: "1",
  ContentsCode: "BE0101N1",
  Tid: "2024",
} as const;

interface Metadata {
  id: string[];
  size: number[];
  dimension: Record<string, { category: { index: Record<string, number>; label: Record<string, string> } }>;
  [key: string]: unknown;
}

/**
 * A written answer (no recording exists for large selections): a PxWebApi 2 data endpoint for TAB638 built from
 * the real metadata, which refuses more than `maxCells` cells with 403 as PxWebApi 2 documents ("too many cells
 * selected") and otherwise answers JSON-stat 2 whose value at each cell is that cell's flat row-major index in
 * the whole table, so that a joined answer shows exactly where every part landed.
 */
export function syntheticTab638(maxCells: number): Route[] {
  const metadata = JSON.parse(apiFixture("scb-v2/tables/TAB638/metadata.json").toString("utf8")) as Metadata;
  const config = JSON.parse(apiFixture("scb-v2/config.json").toString("utf8")) as Record<string, unknown>;
  const stride = metadata.size.map((_, k) => metadata.size.slice(k + 1).reduce((p, s) => p * s, 1));
  return [
    { method: "GET", path: "/api/v2/config", handle: (_q, r) => sendJson(r, { ...config, maxDataCells: maxCells }) },
    TAB638_ROUTES[1]!,
    {
      method: "POST",
      path: "/api/v2/tables/TAB638/data",
      query: "lang=sv&outputFormat=json-stat2",
      handle: (_q, response, body) => {
        const selection = (body as { selection: { variableCode: string; valueCodes: string[] }[] }).selection;
        const chosen = metadata.id.map((id) => selection.find((s) => s.variableCode === id)?.valueCodes ?? []);
        const cells = chosen.reduce((p, c) => p * c.length, 1);
        if (cells > maxCells) return sendJson(response, { title: "Too many cells selected", status: 403 }, 403);
        const value: number[] = [];
        const counter = chosen.map(() => 0);
        for (let i = 0; i < cells; i++) {
          value.push(
            chosen.reduce(
              (at, c, k) => at + metadata.dimension[metadata.id[k]!]!.category.index[c[counter[k]!]!]! * stride[k]!,
              0,
            ),
          );
          for (let k = chosen.length - 1; k >= 0; k--) {
            if (++counter[k]! < chosen[k]!.length) break;
            counter[k] = 0;
          }
        }
        const dimension = Object.fromEntries(
          metadata.id.map((id, k) => {
            const d = metadata.dimension[id]!;
            return [
              id,
              {
                ...d,
                category: {
                  ...d.category,
                  index: Object.fromEntries(chosen[k]!.map((c, i) => [c, i])),
                  label: Object.fromEntries(chosen[k]!.map((c) => [c, d.category.label[c]!])),
                },
              },
            ];
          }),
        );
        sendJson(response, { ...metadata, size: chosen.map((c) => c.length), dimension, value });
      },
    },
  ];
}
