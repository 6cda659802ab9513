import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { type Clock, TokenBucket } from "../../src/io/api/bucket.ts";
import { cacheFolder, fileCache } from "../../src/io/api/cache-node.ts";
import { HttpClient, retryAfter } from "../../src/io/api/http.ts";
import { PxWeb2 } from "../../src/io/api/pxweb2.ts";
import { OmvarldError } from "../../src/errors.ts";
import { apiFixture, type Replay, replay, sendJson, TAB638_RECORDED, TAB638_ROUTES } from "./replay.ts";

let server: Replay | undefined;
const folders: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});
function tempFolder(): string {
  const f = mkdtempSync(join(tmpdir(), "omvarld-cache-"));
  folders.push(f);
  return f;
}

const config = apiFixture("scb-v2/config.json");

/** Answers from `answers` in turn, one per request, then the recorded /config. */
function sequence(answers: ((res: import("node:http").ServerResponse) => void)[]) {
  let n = 0;
  return {
    method: "GET" as const,
    path: "/api/v2/config",
    handle: (_q: unknown, res: import("node:http").ServerResponse) =>
      (
        answers[n++] ??
        ((r) => {
          r.writeHead(200, { "content-type": "application/json" });
          r.end(config);
        })
      )(res),
  };
}

describe("HTTP failures (answers written from the PxWebApi 2 and HTTP documentation; no recordings exist)", () => {
  test("429 with Retry-After: waits the given seconds, then succeeds on the second call", async () => {
    const waits: number[] = [];
    // a clock that records the waits instead of sleeping: the test does not depend on time
    const clock: Clock = { now: () => Date.now(), sleep: async (ms) => void waits.push(ms) };
    server = await replay([
      sequence([(r) => sendJson(r, { title: "Too Many Requests", status: 429 }, 429, { "retry-after": "7" })]),
    ]);
    const http = new HttpClient({ clock });
    const { json } = await http.json<{ maxDataCells: number }>(`${server.url}/api/v2/config`);
    expect(json.maxDataCells).toBe(150000);
    expect(waits).toEqual([7000]);
    expect(server.hits).toHaveLength(2);
    expect(http.calls).toBe(2);
  });

  test("503 without Retry-After backs off 1 s, 2 s; gives up after the retries with the status in one line", async () => {
    const waits: number[] = [];
    const clock: Clock = { now: () => Date.now(), sleep: async (ms) => void waits.push(ms) };
    const busy = (r: import("node:http").ServerResponse) =>
      sendJson(r, { title: "Service Unavailable", status: 503 }, 503);
    server = await replay([sequence([busy, busy, busy])]);
    const error = await new HttpClient({ clock, retries: 2 })
      .json(`${server.url}/api/v2/config`)
      .catch((e: unknown) => e);
    expect(waits).toEqual([1000, 2000]);
    expect(String(error)).toBe(
      `${server.url}/api/v2/config: GET ${server.url}/api/v2/config answered 503 Service Unavailable: Service Unavailable (hint: the server failed; try again later)`,
    );
  });

  test("Retry-After as an HTTP date", () => {
    expect(retryAfter("Wed, 21 Oct 2015 07:28:30 GMT", Date.parse("Wed, 21 Oct 2015 07:28:00 GMT"))).toBe(30_000);
    expect(retryAfter("120", 0)).toBe(120_000);
    expect(retryAfter(null, 0)).toBeUndefined();
  });

  test("a 500 is not retried and names the URL and the server's message", async () => {
    server = await replay([
      sequence([
        (r) => sendJson(r, { title: "Internal Server Error", detail: "Object reference not set", status: 500 }, 500),
      ]),
    ]);
    const error = await new HttpClient().json(`${server.url}/api/v2/config`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OmvarldError);
    expect((error as OmvarldError).code).toBe("NETWORK");
    expect((error as OmvarldError).message).toBe(
      `GET ${server.url}/api/v2/config answered 500 Internal Server Error: Internal Server Error: Object reference not set`,
    );
    expect(server.hits).toHaveLength(1);
  });

  test("a body cut off mid-way is FILE_TRUNCATED and is not cached", async () => {
    const folder = tempFolder();
    const body = apiFixture("scb-v2/tables/TAB638/data-35e0e2-5aec69-POST.json");
    server = await replay([
      sequence([
        (r) => {
          r.writeHead(200, { "content-type": "application/json", "content-length": String(body.length) });
          r.write(body.subarray(0, 3000));
          setTimeout(() => r.destroy(), 20);
        },
      ]),
    ]);
    const error = await new HttpClient({ cache: fileCache(folder) })
      .json(`${server.url}/api/v2/config`)
      .catch((e: unknown) => e);
    expect((error as OmvarldError).code).toBe("FILE_TRUNCATED");
    expect(String(error)).toContain(`the answer from GET ${server.url}/api/v2/config was cut off`);
    expect(readdirSync(folder)).toEqual([]);
  });

  test("JSON cut off without the connection breaking (a proxy) is caught before it is cached", async () => {
    const folder = tempFolder();
    const body = apiFixture("scb-v2/tables/TAB638/data-35e0e2-5aec69-POST.json").subarray(0, 3000);
    server = await replay([
      sequence([
        (r) => {
          r.writeHead(200, { "content-type": "application/json" });
          r.end(body);
        },
      ]),
    ]);
    const error = await new HttpClient({ cache: fileCache(folder) })
      .json(`${server.url}/api/v2/config`)
      .catch((e: unknown) => e);
    expect((error as OmvarldError).code).toBe("FILE_TRUNCATED");
    expect(readdirSync(folder)).toEqual([]);
  });

  test("a wrong content type (an HTML page instead of JSON) is one line with the page's first words", async () => {
    server = await replay([
      sequence([
        (r) => {
          r.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          r.end("<html><head><title>Logga in</title></head><body>Wi-Fi login</body></html>");
        },
      ]),
    ]);
    const error = await new HttpClient().json(`${server.url}/api/v2/config`).catch((e: unknown) => e);
    expect((error as OmvarldError).code).toBe("FORMAT_UNKNOWN");
    expect((error as OmvarldError).message).toBe(
      `expected JSON from GET ${server.url}/api/v2/config, got text/html; charset=utf-8: <html><head><title>Logga in</title></head><body>Wi-Fi login</body></html>`,
    );
  });

  test("a hung server is given up after the time-out", async () => {
    server = await replay([
      sequence([
        () => {
          /* never answers */
        },
      ]),
    ]);
    const error = await new HttpClient({ timeout: 200 }).json(`${server.url}/api/v2/config`).catch((e: unknown) => e);
    expect((error as OmvarldError).code).toBe("NETWORK");
    expect((error as OmvarldError).message).toBe(`GET ${server.url}/api/v2/config: no complete answer within 0.2 s`);
  });

  test("a server that sends headers and then hangs is given up too", async () => {
    server = await replay([
      sequence([
        (r) => {
          r.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
          r.write("{");
        },
      ]),
    ]);
    const error = await new HttpClient({ timeout: 200 }).json(`${server.url}/api/v2/config`).catch((e: unknown) => e);
    expect((error as OmvarldError).message).toContain("no complete answer within 0.2 s");
  });
});

describe("cache and offline", () => {
  test("offline without a cache entry fails clearly; after one fetch, offline answers the same table without calls", async () => {
    const folder = tempFolder();
    server = await replay(TAB638_ROUTES);
    const offline = new PxWeb2("scb", { baseUrl: `${server.url}/api/v2/`, cache: fileCache(folder), offline: true });
    const missing = await offline.data("TAB638", TAB638_RECORDED).catch((e: unknown) => e);
    expect((missing as OmvarldError).code).toBe("OFFLINE");
    expect(String(missing)).toMatch(
      /^.*no cached answer for GET .*\/api\/v2\/(config|tables\/TAB638\/metadata\?lang=sv) \(hint: ask once with offline off to fill the cache\)$/,
    );
    expect(server.hits).toEqual([]);

    const online = await new PxWeb2("scb", { baseUrl: `${server.url}/api/v2/`, cache: fileCache(folder) }).data(
      "TAB638",
      TAB638_RECORDED,
    );
    expect(server.hits).toHaveLength(3);
    expect(readdirSync(folder).filter((f) => f.endsWith(".bin"))).toHaveLength(3);
    expect(readdirSync(folder).filter((f) => f.endsWith(".tmp"))).toEqual([]);

    const again = await new PxWeb2("scb", {
      baseUrl: `${server.url}/api/v2/`,
      cache: fileCache(folder),
      offline: true,
    }).data("TAB638", TAB638_RECORDED);
    expect(server.hits).toHaveLength(3);
    expect(again.toRows()).toEqual(online.toRows());
    expect(again.toRows()[0]!.value).toBe(50937);
    expect(again.provenance.retrieved).toBe(online.provenance.retrieved);
  });

  test("a network failure names the URL and suggests the offline option when a cached copy exists", async () => {
    const folder = tempFolder();
    server = await replay(TAB638_ROUTES);
    const url = `${server.url}/api/v2/config`;
    await new HttpClient({ cache: fileCache(folder) }).json(url);
    await server.close();
    server = undefined;
    const error = await new HttpClient({ cache: fileCache(folder), refresh: true }).json(url).catch((e: unknown) => e);
    expect((error as OmvarldError).code).toBe("NETWORK");
    // ECONNREFUSED, or UND_ERR_SOCKET when the pooled keep-alive connection was the one closed
    expect((error as OmvarldError).message).toMatch(
      new RegExp(`^cannot reach GET ${url.replace(/[.?]/g, "\\$&")} \\((ECONNREFUSED|UND_ERR_SOCKET)\\)$`),
    );
    expect((error as OmvarldError).hint).toMatch(
      /^a cached copy from \d{4}-\d\d-\d\d \d\d:\d\d UTC exists: ask again with offline on to use it/,
    );
    const none = await new HttpClient({ cache: fileCache(tempFolder()) }).json(url).catch((e: unknown) => e);
    expect((none as OmvarldError).hint).toBe("check the network connection and the base URL");
  });

  test("maxAge: a fresh entry is used, an old one is fetched again and replaced", async () => {
    const folder = tempFolder();
    server = await replay(TAB638_ROUTES);
    const url = `${server.url}/api/v2/config`;
    let now = Date.parse("2026-01-01T00:00:00Z");
    const clock: Clock = { now: () => now, sleep: async () => {} };
    await new HttpClient({ cache: fileCache(folder), clock }).json(url);
    now += 3_600_000;
    const fresh = await new HttpClient({ cache: fileCache(folder), clock, maxAge: 7_200_000 }).request({ url });
    expect(fresh.fromCache).toBe(true);
    expect(fresh.retrieved).toBe("2026-01-01T00:00:00.000Z");
    const old = await new HttpClient({ cache: fileCache(folder), clock, maxAge: 1_800_000 }).request({ url });
    expect(old.fromCache).toBe(false);
    expect(server.hits).toHaveLength(2);
    const replaced = await new HttpClient({ cache: fileCache(folder), clock, offline: true }).request({ url });
    expect(replaced.retrieved).toBe("2026-01-01T01:00:00.000Z");
  });

  test("two concurrent fetches of the same table share one call", async () => {
    server = await replay(TAB638_ROUTES);
    const client = new PxWeb2("scb", { baseUrl: `${server.url}/api/v2/` });
    const [a, b] = await Promise.all([client.data("TAB638", TAB638_RECORDED), client.data("TAB638", TAB638_RECORDED)]);
    expect(a.toRows()).toEqual(b.toRows());
    expect(server.hits.filter((h) => h.startsWith("POST"))).toHaveLength(1);
    expect(server.hits).toHaveLength(3);
  });

  test("the cache folder: OMVARLD_CACHE, else the platform's", () => {
    expect(cacheFolder({ OMVARLD_CACHE: "/x/c" }, "linux", "/home/a")).toBe("/x/c");
    expect(cacheFolder({ XDG_CACHE_HOME: "/x/xdg" }, "linux", "/home/a")).toBe("/x/xdg/omvarld");
    expect(cacheFolder({}, "linux", "/home/a")).toBe("/home/a/.cache/omvarld");
    expect(cacheFolder({}, "darwin", "/Users/a")).toBe("/Users/a/Library/Caches/omvarld");
    expect(cacheFolder({ LOCALAPPDATA: "C:/Users/a/AppData/Local" }, "win32", "C:/Users/a")).toBe(
      join("C:/Users/a/AppData/Local", "omvarld", "Cache"),
    );
  });
});

describe("token bucket", () => {
  test("30 calls per 10 s: the first 30 at once, then one every 333.3 ms (fake clock)", async () => {
    let now = 0;
    const slept: number[] = [];
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    };
    const bucket = new TokenBucket(30, 10_000, clock);
    const times: number[] = [];
    await Promise.all(Array.from({ length: 33 }, () => bucket.take().then(() => times.push(now))));
    expect(times.slice(0, 30).every((t) => t === 0)).toBe(true);
    // each later call waits for one token, 10 000 / 30 = 333.3 ms, rounded up to whole ms (the surplus carries over)
    expect(slept.every((ms) => ms === 333 || ms === 334)).toBe(true);
    expect(times.at(-1)).toBe(1001);
  });

  test("calls of a limited client never exceed the bucket: 5 calls through a bucket of 2 per 1 s wait 3 times", async () => {
    let now = 0;
    const slept: number[] = [];
    const clock: Clock = {
      now: () => now,
      sleep: async (ms) => {
        slept.push(ms);
        now += ms;
      },
    };
    server = await replay([{ method: "GET", path: "/n", handle: (_q, r) => sendJson(r, { ok: true }) }]);
    const http = new HttpClient({ limiter: new TokenBucket(2, 1000, clock), clock });
    await Promise.all([1, 2, 3, 4, 5].map((i) => http.json(`${server!.url}/n?i=${i}`)));
    expect(slept).toEqual([500, 500, 500]);
    expect(server.hits).toHaveLength(5);
  });
});
