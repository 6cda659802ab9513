import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const tslab = join(root, "node_modules/tslab/bin/tslab");
const KEY = "omvarld-test";
const VL5 = "application/vnd.vegalite.v5+json";

interface Message {
  header: { msg_type: string; msg_id: string };
  parent_header: { msg_id?: string };
  content: Record<string, unknown>;
}

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** The Jupyter wire protocol: <IDS|MSG>, an HMAC-SHA256 of the four JSON parts, then the parts. */
function frames(type: string, content: Record<string, unknown>): { id: string; parts: string[] } {
  const id = randomUUID();
  const parts = [
    JSON.stringify({
      msg_id: id,
      msg_type: type,
      session: "omvarld-test",
      username: "test",
      version: "5.3",
      date: new Date().toISOString(),
    }),
    "{}",
    "{}",
    JSON.stringify(content),
  ];
  const hmac = createHmac("sha256", KEY);
  for (const p of parts) hmac.update(p);
  return { id, parts: ["<IDS|MSG>", hmac.digest("hex"), ...parts] };
}

function parse(raw: Buffer[]): Message {
  const at = raw.findIndex((b) => b.toString() === "<IDS|MSG>");
  const [header, parent, , content] = raw.slice(at + 2, at + 6).map((b) => JSON.parse(b.toString()) as unknown);
  return { header, parent_header: parent, content } as Message;
}

/**
 * A live tslab kernel (the TypeScript kernel for Node that JupyterLab and VS Code run), driven over ZeroMQ as a
 * notebook front end drives it: the cells import omvarld by its package name and leave a chart as the last
 * expression, and the test reads what the kernel publishes on iopub.
 */
describe.skipIf(!existsSync(tslab))("a chart in a live tslab kernel", () => {
  let kernel: ChildProcess;
  let shell: import("zeromq").Dealer;
  let iopub: import("zeromq").Subscriber;
  const published: Message[] = [];
  const replies = new Map<string, Message>();
  let exited: string | null = null;
  let stderr = "";
  // a kernel that hangs is ended by these limits, not by the machine's speed: they only bound a broken run
  const LIMIT = 600_000;

  /** Fails at once if the kernel has ended, or once the overall limit has passed. */
  function check(deadline: number, what: string): void {
    if (exited !== null)
      throw new Error(`the tslab kernel ended (${exited}) during ${what}: ${stderr.trim().slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`the tslab kernel did not finish ${what} within ${LIMIT / 1000} s`);
  }

  beforeAll(async () => {
    const zmq = await import("zeromq");
    const dir = mkdtempSync(join(tmpdir(), "omvarld-tslab-"));
    // the cells import "omvarld" as a user's project would, from its node_modules
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "omvarld"), "dir");
    const [shellPort, iopubPort, controlPort, stdinPort, hbPort] = await Promise.all(
      [1, 2, 3, 4, 5].map(() => freePort()),
    );
    const connection = join(dir, "connection.json");
    writeFileSync(
      connection,
      JSON.stringify({
        transport: "tcp",
        ip: "127.0.0.1",
        shell_port: shellPort,
        iopub_port: iopubPort,
        control_port: controlPort,
        stdin_port: stdinPort,
        hb_port: hbPort,
        key: KEY,
        signature_scheme: "hmac-sha256",
      }),
    );
    kernel = spawn(process.execPath, [tslab, "kernel", "--config-path", connection], {
      cwd: dir,
      env: { ...process.env, JPY_PARENT_PID: String(process.pid) },
      stdio: ["ignore", "ignore", "pipe"],
    });
    kernel.stderr!.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    kernel.on("exit", (code, signal) => (exited = String(signal ?? code)));
    iopub = new zmq.Subscriber();
    iopub.connect(`tcp://127.0.0.1:${iopubPort}`);
    iopub.subscribe();
    void (async () => {
      for await (const raw of iopub) published.push(parse(raw as Buffer[]));
    })().catch(() => undefined);
    shell = new zmq.Dealer();
    shell.connect(`tcp://127.0.0.1:${shellPort}`);
    void (async () => {
      for await (const raw of shell) {
        const m = parse(raw as Buffer[]);
        if (m.parent_header.msg_id) replies.set(m.parent_header.msg_id, m);
      }
    })().catch(() => undefined);
    // the kernel is up, and iopub subscribed, once a kernel_info_request is answered on iopub: ask every 2 s until
    // it is (a subscriber that joins late misses what was published before), within the overall limit
    const deadline = Date.now() + LIMIT;
    for (let ready = false; !ready;) {
      const id = await send("kernel_info_request", {});
      const asked = Date.now();
      while (!ready && Date.now() - asked < 2000) {
        ready = published.some((m) => m.parent_header.msg_id === id);
        check(deadline, "its start-up");
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }, LIMIT + 60_000);

  afterAll(() => {
    kernel?.kill();
    shell?.close();
    iopub?.close();
  });

  async function send(type: string, content: Record<string, unknown>): Promise<string> {
    const { id, parts } = frames(type, content);
    await shell.send(parts);
    return id;
  }

  /** Sends a request on the shell socket; resolves with its reply and what iopub published for it, once the kernel is idle. */
  async function request(
    type: string,
    content: Record<string, unknown>,
  ): Promise<{ reply: Message; output: Message[] }> {
    const id = await send(type, content);
    const deadline = Date.now() + LIMIT;
    const idle = () =>
      published.some(
        (m) => m.parent_header.msg_id === id && m.header.msg_type === "status" && m.content.execution_state === "idle",
      );
    while (!replies.has(id) || !idle()) {
      check(deadline, type);
      await new Promise((r) => setTimeout(r, 50));
    }
    return { reply: replies.get(id)!, output: published.filter((m) => m.parent_header.msg_id === id) };
  }

  const execute = (code: string) =>
    request("execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });

  test(
    "a chart as a cell's last expression displays itself as Vega-Lite v5, with a text summary",
    async () => {
      const { reply, output } = await execute(
        [
          'import { Chart } from "omvarld";',
          'new Chart({ title: "Trysil", mark: "bar", data: { values: [{ year: 2015, v: 6700 }, { year: 2016, v: 6525 }] }, encoding: { x: { field: "year", type: "ordinal" }, y: { field: "v", type: "quantitative" } } })',
        ].join("\n"),
      );
      expect(reply.content.status).toBe("ok");
      const shown = output
        .filter((m) => m.header.msg_type === "display_data")
        .map((m) => m.content.data as Record<string, Record<string, unknown>>);
      expect(shown).toHaveLength(1);
      expect(Object.keys(shown[0]!)).toEqual([VL5]);
      expect(shown[0]![VL5]!.$schema).toBe("https://vega.github.io/schema/vega-lite/v5.json");
      expect(shown[0]![VL5]!.title).toBe("Trysil");
      const text = output
        .filter((m) => m.header.msg_type === "stream")
        .map((m) => String(m.content.text))
        .join("");
      expect(text).toContain('Chart "Trysil" (2 rows)');
    },
    LIMIT + 60_000,
  );

  test(
    "display() shows charts from a loop; toSVG() renders inside the kernel",
    async () => {
      const { reply, output } = await execute(
        [
          'import { Chart, display } from "omvarld";',
          'const charts = ["0428", "0432"].map((code) => new Chart({ title: code, mark: "point", data: { values: [{ x: 1 }] }, encoding: { x: { field: "x", type: "quantitative" } } }));',
          "for (const c of charts) await display(c);",
          "const svg = await charts[0].toSVG();",
          'console.log(svg.slice(0, 4), svg.includes(">0428<"));',
        ].join("\n"),
      );
      expect(reply.content.status).toBe("ok");
      const titles = output
        .filter((m) => m.header.msg_type === "display_data")
        .map((m) => (m.content.data as Record<string, { title: string }>)[VL5]!.title);
      expect(titles).toEqual(["0428", "0432"]);
      expect(
        output
          .filter((m) => m.header.msg_type === "stream")
          .map((m) => String(m.content.text))
          .join(""),
      ).toContain("<svg true");
    },
    LIMIT + 60_000,
  );
});
