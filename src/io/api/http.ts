import { OmvarldError } from "../../errors.ts";
import { type Clock, realClock, TokenBucket } from "./bucket.ts";

/** What identifies a cached answer: the method, the full URL and the request body. */
export interface CacheKey {
  method: string;
  url: string;
  body?: string | undefined;
}

/** A complete, successful answer as the cache keeps it. */
export interface CachedResponse {
  contentType: string;
  body: Uint8Array;
  /** When it was fetched (ms since 1970). */
  retrieved: number;
}

/**
 * Where answers are kept between runs. The root entry has no cache of its own; `fileCache()` from `omvarld/node`
 * keeps them on disk. `set` must never leave a half-written entry behind.
 */
export interface ResponseCache {
  get(key: CacheKey): Promise<CachedResponse | undefined>;
  set(key: CacheKey, response: CachedResponse): Promise<void>;
}

/** Options shared by every client (PxWeb, Eurostat, Kolada, KLASS). */
export interface HttpOptions {
  /** The fetch to use (default: the global one). */
  fetch?: typeof globalThis.fetch;
  /** Keeps answers between runs (see `fileCache` in `omvarld/node`). */
  cache?: ResponseCache;
  /** Answer from the cache only; fail when an answer is not there. */
  offline?: boolean;
  /** Ignore cached answers and fetch again (the fresh answer replaces the cached one). */
  refresh?: boolean;
  /** Cached answers older than this (ms) are fetched again. Default 24 hours. */
  maxAge?: number;
  /** A call that has not finished after this many ms is given up. Default 60 000. */
  timeout?: number;
  /** How many times a 429 or 503 answer is retried. Default 4. */
  retries?: number;
  /** The longest wait (ms) accepted from a Retry-After header or a backoff. Default 120 000. */
  maxRetryWait?: number;
  /** Shared rate limit; the clients make one from the API's stated limits when none is given. */
  limiter?: TokenBucket;
  /** Called once for every HTTP call made (not for answers from the cache), e.g. to count or log them. */
  onCall?: (call: { method: string; url: string; status: number; attempt: number }) => void;
  /** Clock for the limiter and retries (tests). */
  clock?: Clock;
}

/** An answer, from the network or the cache. */
export interface HttpResponse {
  url: string;
  contentType: string;
  body: Uint8Array;
  /** ISO 8601 time of retrieval. */
  retrieved: string;
  fromCache: boolean;
}

/** A request: GET unless a body is given (then POST with a JSON body). */
export interface HttpRequest {
  url: string;
  method?: "GET" | "POST";
  body?: string;
  /** "json": the answer must be JSON (checked before it is cached); "text": any text; "bytes": anything. */
  expect?: "json" | "text" | "bytes";
}

/** An HTTP answer with an error status; `status` lets a client translate a 404 into "no such table". */
export class HttpStatusError extends OmvarldError {
  readonly status: number;
  readonly detail: string;
  constructor(status: number, message: string, detail: string, url: string, hint?: string) {
    super("NETWORK", message, { file: url }, hint);
    this.status = status;
    this.detail = detail;
  }
}

const DAY = 86_400_000;

/**
 * The HTTP layer of every client: a cache lookup (fresh enough, or any age when offline), one shared call for
 * identical concurrent requests, a token from the rate limiter before each call, a time-out, retries of 429/503
 * after `Retry-After` (seconds or a date) or an exponential backoff (1, 2, 4 ... s), a check that the body is
 * complete and of the expected type, and only then a write to the cache.
 *
 * @example
 * const http = new HttpClient({ cache: fileCache(), limiter: new TokenBucket(30, 10_000) });
 * const config = await http.json("https://statistikdatabasen.scb.se/api/v2/config");
 */
export class HttpClient {
  readonly options: HttpOptions;
  readonly #inflight = new Map<string, Promise<HttpResponse>>();
  readonly #clock: Clock;
  /** Number of HTTP calls made (retries count), for progress lines and measurements. */
  calls = 0;

  constructor(options: HttpOptions = {}) {
    this.options = options;
    this.#clock = options.clock ?? realClock;
  }

  /** Sets the rate limit when none was given (clients call it once they know the API's limits). */
  limitTo(capacity: number, windowMs: number): void {
    if (!this.options.limiter) this.options.limiter = new TokenBucket(capacity, windowMs, this.#clock);
  }

  /** Fetches and parses JSON. */
  async json<T = unknown>(url: string, body?: unknown): Promise<{ json: T; response: HttpResponse }> {
    const response = await this.request({
      url,
      expect: "json",
      ...(body === undefined ? {} : { method: "POST", body: JSON.stringify(body) }),
    });
    return { json: parseJson(response) as T, response };
  }

  /** Makes a request, or joins an identical one in flight, or answers from the cache. */
  request(request: HttpRequest): Promise<HttpResponse> {
    const key: CacheKey = {
      method: request.method ?? (request.body === undefined ? "GET" : "POST"),
      url: request.url,
      body: request.body,
    };
    const id = `${key.method} ${key.url}\n${key.body ?? ""}`;
    const running = this.#inflight.get(id);
    if (running) return running;
    const promise = this.#resolve(key, request.expect ?? "bytes").finally(() => this.#inflight.delete(id));
    this.#inflight.set(id, promise);
    return promise;
  }

  async #resolve(key: CacheKey, expect: "json" | "text" | "bytes"): Promise<HttpResponse> {
    const { cache, offline, refresh } = this.options;
    const maxAge = this.options.maxAge ?? DAY;
    const cached = cache && (offline || !refresh) ? await cache.get(key) : undefined;
    if (cached && (offline || this.#clock.now() - cached.retrieved <= maxAge)) {
      return {
        url: key.url,
        contentType: cached.contentType,
        body: cached.body,
        retrieved: new Date(cached.retrieved).toISOString(),
        fromCache: true,
      };
    }
    if (offline) {
      throw new OmvarldError(
        "OFFLINE",
        `no cached answer for ${key.method} ${key.url}${key.body ? ` ${abbreviate(key.body)}` : ""}`,
        { file: key.url },
        cache ? "ask once with offline off to fill the cache" : "offline needs a cache (fileCache() from omvarld/node)",
      );
    }
    let response: HttpResponse;
    try {
      response = await this.#fetchWithRetries(key, expect);
    } catch (error) {
      if (error instanceof OmvarldError && error.code === "NETWORK" && !(error instanceof HttpStatusError)) {
        const stale = cached ?? (cache && refresh ? await cache.get(key) : undefined);
        if (stale) {
          throw new OmvarldError(
            "NETWORK",
            error.message,
            { file: key.url },
            `a cached copy from ${new Date(stale.retrieved).toISOString().slice(0, 16).replace("T", " ")} UTC exists: ask again with offline on to use it`,
          );
        }
      }
      throw error;
    }
    if (cache)
      await cache.set(key, {
        contentType: response.contentType,
        body: response.body,
        retrieved: Date.parse(response.retrieved),
      });
    return response;
  }

  async #fetchWithRetries(key: CacheKey, expect: "json" | "text" | "bytes"): Promise<HttpResponse> {
    const retries = this.options.retries ?? 4;
    const maxWait = this.options.maxRetryWait ?? 120_000;
    for (let attempt = 0; ; attempt++) {
      await this.options.limiter?.take();
      const outcome = await this.#once(key, expect, attempt);
      if ("response" in outcome) return outcome.response;
      const { status, retryAfter, error } = outcome;
      if ((status !== 429 && status !== 503) || attempt >= retries) throw error;
      const wait = retryAfter ?? Math.min(maxWait, 1000 * 2 ** attempt);
      if (wait > maxWait)
        throw new HttpStatusError(
          status,
          `${error.message}; the server asks to wait ${Math.round(wait / 1000)} s`,
          error.detail,
          key.url,
          "try again later",
        );
      if (status === 429) this.options.limiter?.drain();
      await this.#clock.sleep(wait);
    }
  }

  async #once(
    key: CacheKey,
    expect: "json" | "text" | "bytes",
    attempt: number,
  ): Promise<{ response: HttpResponse } | { status: number; retryAfter: number | undefined; error: HttpStatusError }> {
    const doFetch = this.options.fetch ?? globalThis.fetch;
    const timeout = this.options.timeout ?? 60_000;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout);
    const where = `${key.method} ${key.url}`;
    this.calls++;
    try {
      let res: Response;
      try {
        res = await doFetch(key.url, {
          method: key.method,
          signal: controller.signal,
          headers: {
            accept: expect === "json" ? "application/json" : "*/*",
            ...(key.body === undefined ? {} : { "content-type": "application/json" }),
          },
          ...(key.body === undefined ? {} : { body: key.body }),
        });
      } catch (error) {
        throw networkError(where, key.url, error, controller.signal.aborted, timeout);
      }
      this.options.onCall?.({ method: key.method, url: key.url, status: res.status, attempt });
      let body: Uint8Array;
      try {
        body = new Uint8Array(await res.arrayBuffer());
      } catch (error) {
        if (controller.signal.aborted) throw networkError(where, key.url, error, true, timeout);
        throw new OmvarldError(
          "FILE_TRUNCATED",
          `the answer from ${where} was cut off (${reason(error)})`,
          { file: key.url },
          "the connection broke mid-way: try again",
        );
      }
      const contentType = res.headers.get("content-type") ?? "";
      if (!res.ok) {
        const detail = errorDetail(body, contentType);
        const error = new HttpStatusError(
          res.status,
          `${where} answered ${res.status} ${res.statusText}${detail ? `: ${detail}` : ""}`,
          detail,
          key.url,
          res.status >= 500 ? "the server failed; try again later" : undefined,
        );
        return { status: res.status, retryAfter: retryAfter(res.headers.get("retry-after"), this.#clock.now()), error };
      }
      const length = res.headers.get("content-length");
      if (length !== null && !res.headers.get("content-encoding") && Number(length) !== body.length) {
        throw new OmvarldError(
          "FILE_TRUNCATED",
          `the answer from ${where} has ${body.length} bytes, the server announced ${length}`,
          { file: key.url },
          "the connection broke mid-way: try again",
        );
      }
      if (expect === "json" && !/json/i.test(contentType)) {
        throw new OmvarldError(
          "FORMAT_UNKNOWN",
          `expected JSON from ${where}, got ${contentType || "no content type"}: ${abbreviate(new TextDecoder().decode(body.subarray(0, 200)))}`,
          { file: key.url },
          "is the base URL right? a proxy or login page may answer instead of the API",
        );
      }
      const response: HttpResponse = {
        url: key.url,
        contentType,
        body,
        retrieved: new Date(this.#clock.now()).toISOString(),
        fromCache: false,
      };
      if (expect === "json") parseJson(response);
      return { response };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Parses a JSON answer; a cut-off body is FILE_TRUNCATED, anything else PARSE, both naming the URL. */
export function parseJson(response: HttpResponse): unknown {
  const text = new TextDecoder().decode(response.body).replace(/^\ufeff/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    const truncated = text.trim().length === 0 || !/[}\]]\s*$/.test(text);
    throw new OmvarldError(
      truncated ? "FILE_TRUNCATED" : "PARSE",
      `the answer from ${response.url} is not complete JSON (${reason(error)})`,
      { file: response.url },
      truncated ? "the answer was cut off: try again" : undefined,
    );
  }
}

function networkError(where: string, url: string, error: unknown, aborted: boolean, timeout: number): OmvarldError {
  if (aborted)
    return new OmvarldError(
      "NETWORK",
      `${where}: no complete answer within ${timeout / 1000} s`,
      { file: url },
      "the server may be busy: try again, or raise the time-out",
    );
  return new OmvarldError(
    "NETWORK",
    `cannot reach ${where} (${reason(error)})`,
    { file: url },
    "check the network connection and the base URL",
  );
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** Retry-After: seconds or an HTTP date, as ms from now. */
export function retryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The message of an error body: a JSON problem's title/detail, or the first words of a text/HTML page. */
function errorDetail(body: Uint8Array, contentType: string): string {
  const text = new TextDecoder().decode(body.subarray(0, 2000));
  if (/json/i.test(contentType)) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      const parts = [json.title, json.detail, json.message, json.error].filter(
        (p) => typeof p === "string" && p.trim() !== "",
      );
      if (parts.length) return abbreviate(parts.join(": "));
    } catch {
      // fall through to the text
    }
  }
  return abbreviate(text.replace(/<[^>]*>/g, " "));
}

function abbreviate(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
