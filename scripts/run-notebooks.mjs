#!/usr/bin/env node
// Executes the notebooks in notebooks/ in a real Deno Jupyter kernel and saves their outputs in the .ipynb files,
// so that GitHub shows them. It talks the Jupyter messaging protocol over ZeroMQ, as JupyterLab does: one
// execute_request per code cell, and the stream, display_data, execute_result and error messages the kernel
// publishes on iopub become the cell's outputs.
//
//   node scripts/run-notebooks.mjs                      execute every notebook and save it in place (needs `npm run build`)
//   node scripts/run-notebooks.mjs --out DIR [NAME...]  write the executed notebooks to DIR instead (the tests do this)
//
// The kernel is Deno from the npm package `deno` (node_modules/.bin/deno); zeromq comes with tslab. The start-up
// waits for the kernel by polling (kernel_info until iopub answers), with a generous overall limit
// (OMVARLD_KERNEL_TIMEOUT seconds, default 600), so a busy machine only makes it slower.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const deno = join(root, "node_modules/.bin/deno");
const limit = 1000 * Number(process.env.OMVARLD_KERNEL_TIMEOUT ?? 600);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on("error", fail);
  });
}

/** A Jupyter kernel driven over ZeroMQ: start(), execute(code) → outputs, stop(). */
class Kernel {
  key = randomUUID();
  published = [];
  replies = new Map();
  exited = null;
  stderr = "";

  async start(cwd) {
    const zmq = await import("zeromq");
    this.dir = mkdtempSync(join(tmpdir(), "omvarld-kernel-"));
    const [shell, iopub, control, stdin, hb] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
    const connection = join(this.dir, "connection.json");
    writeFileSync(
      connection,
      JSON.stringify({
        transport: "tcp",
        ip: "127.0.0.1",
        shell_port: shell,
        iopub_port: iopub,
        control_port: control,
        stdin_port: stdin,
        hb_port: hb,
        key: this.key,
        signature_scheme: "hmac-sha256",
        kernel_name: "deno",
      }),
    );
    const env = { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" };
    if (!process.env.DENO_DIR) env.DENO_DIR = join(this.dir, "deno");
    this.process = spawn(deno, ["jupyter", "--kernel", "--conn", connection], {
      cwd,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    this.process.stderr.on("data", (c) => (this.stderr += c.toString("utf8")));
    this.process.on("exit", (code, signal) => (this.exited = signal ?? code));
    this.iopub = new zmq.Subscriber();
    this.iopub.connect(`tcp://127.0.0.1:${iopub}`);
    this.iopub.subscribe();
    void (async () => {
      for await (const raw of this.iopub) this.published.push(this.parse(raw));
    })().catch(() => undefined);
    this.shell = new zmq.Dealer();
    this.shell.connect(`tcp://127.0.0.1:${shell}`);
    void (async () => {
      for await (const raw of this.shell) {
        const m = this.parse(raw);
        this.replies.set(m.parent_header.msg_id, m);
      }
    })().catch(() => undefined);
    // ready when a kernel_info_request is answered on iopub too (a subscriber joins late: ask again until it hears)
    const deadline = Date.now() + limit;
    for (;;) {
      const id = await this.send("kernel_info_request", {});
      const asked = Date.now();
      while (Date.now() - asked < 2000) {
        if (this.published.some((m) => m.parent_header.msg_id === id)) return;
        this.check(deadline, "start");
        await sleep(50);
      }
    }
  }

  check(deadline, what) {
    if (this.exited !== null)
      throw new Error(`the Deno kernel ended (${this.exited}) during ${what}: ${this.stderr.trim().slice(-2000)}`);
    if (Date.now() > deadline)
      throw new Error(`the Deno kernel did not finish ${what} within ${limit / 1000} s (OMVARLD_KERNEL_TIMEOUT)`);
  }

  parse(raw) {
    const at = raw.findIndex((b) => b.toString() === "<IDS|MSG>");
    const [header, parent_header, metadata, content] = raw.slice(at + 2, at + 6).map((b) => JSON.parse(b.toString()));
    return { header, parent_header, metadata, content };
  }

  async send(type, content) {
    const id = randomUUID();
    const parts = [
      JSON.stringify({
        msg_id: id,
        msg_type: type,
        session: this.key,
        username: "omvarld",
        version: "5.3",
        date: new Date().toISOString(),
      }),
      "{}",
      "{}",
      JSON.stringify(content),
    ];
    const hmac = createHmac("sha256", this.key);
    for (const p of parts) hmac.update(p);
    await this.shell.send(["<IDS|MSG>", hmac.digest("hex"), ...parts]);
    return id;
  }

  /** Runs one cell; resolves with its request id and reply once the kernel is idle again. */
  async execute(code) {
    const id = await this.send("execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
    const deadline = Date.now() + limit;
    const idle = () =>
      this.published.some(
        (m) => m.parent_header.msg_id === id && m.header.msg_type === "status" && m.content.execution_state === "idle",
      );
    while (!this.replies.has(id) || !idle()) {
      this.check(deadline, "a cell");
      await sleep(20);
    }
    return { id, reply: this.replies.get(id) };
  }

  stop() {
    this.shell?.close();
    this.iopub?.close();
    this.process?.kill();
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

/** nbformat 4 keeps text as a list of lines, each but the last ending in "\n". */
function lines(text) {
  const parts = text.split(/(?<=\n)/);
  return parts.length === 1 && parts[0] === "" ? [] : parts;
}

/** A MIME bundle as nbformat stores it: text types as lists of lines, JSON types as they are. */
function bundle(data) {
  return Object.fromEntries(
    Object.entries(data).map(([mime, value]) => [
      mime,
      typeof value === "string" && !mime.endsWith("json") ? lines(value) : value,
    ]),
  );
}

/** The nbformat outputs of one cell from the messages its execution published. */
function outputs(messages) {
  const out = [];
  for (const { header, content } of messages) {
    const type = header.msg_type;
    if (type === "stream") {
      const last = out.at(-1);
      if (last?.output_type === "stream" && last.name === content.name)
        last.text = lines(last.text.join("") + content.text);
      else out.push({ output_type: "stream", name: content.name, text: lines(content.text) });
    } else if (type === "display_data")
      out.push({ output_type: "display_data", data: bundle(content.data), metadata: content.metadata ?? {} });
    else if (type === "execute_result")
      out.push({
        output_type: "execute_result",
        execution_count: content.execution_count,
        data: bundle(content.data),
        metadata: content.metadata ?? {},
      });
    else if (type === "error")
      out.push({ output_type: "error", ename: content.ename, evalue: content.evalue, traceback: content.traceback });
  }
  return out;
}

/**
 * Executes a notebook's code cells in order in a fresh Deno kernel started in the notebook's folder; returns the
 * notebook with each code cell's execution_count and outputs replaced. Throws on the first cell that fails.
 */
export async function executeNotebook(path) {
  const notebook = JSON.parse(readFileSync(path, "utf8"));
  const kernel = new Kernel();
  try {
    await kernel.start(resolve(path, ".."));
    let count = 0;
    const ran = [];
    for (const cell of notebook.cells) {
      if (cell.cell_type !== "code") continue;
      const code = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
      const { id, reply } = await kernel.execute(code);
      cell.execution_count = ++count;
      cell.metadata ??= {};
      ran.push([cell, id]);
      if (reply.content.status !== "ok") {
        const error = kernel.published.find(
          (m) => m.parent_header.msg_id === id && m.header.msg_type === "error",
        )?.content;
        throw new Error(
          `${basename(path)}, code cell ${count}: ${reply.content.ename ?? error?.ename}: ${reply.content.evalue ?? error?.evalue}\n${code}`,
        );
      }
    }
    // a result whose display is async (a chart rendering its SVG) can be published after the kernel said idle:
    // the outputs are collected once the kernel has been quiet for a second
    let seen = -1;
    while (seen !== kernel.published.length) {
      seen = kernel.published.length;
      await sleep(1000);
    }
    for (const [cell, id] of ran) cell.outputs = outputs(kernel.published.filter((m) => m.parent_header.msg_id === id));
  } finally {
    kernel.stop();
  }
  notebook.metadata.language_info = {
    ...notebook.metadata.language_info,
    name: "typescript",
    file_extension: ".ts",
    mimetype: "text/x.typescript",
  };
  return notebook;
}

/** A notebook as Jupyter writes it: one-space indent, a final newline. */
export function serialise(notebook) {
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--out");
  const out = at >= 0 ? args.splice(at, 2)[1] : null;
  const folder = join(root, "notebooks");
  const names = args.length
    ? args
    : readdirSync(folder)
        .filter((f) => f.endsWith(".ipynb"))
        .sort();
  if (!existsSync(deno)) throw new Error("node_modules/.bin/deno is missing: npm ci installs deno (a devDependency)");
  if (!existsSync(join(root, "dist/index.js")))
    throw new Error("dist/ is missing: the notebooks import the built package; run `npm run build` first");
  if (out) mkdirSync(out, { recursive: true });
  for (const name of names) {
    const started = Date.now();
    const notebook = await executeNotebook(join(folder, name));
    writeFileSync(join(out ?? folder, name), serialise(notebook));
    console.log(
      `${name}: ${notebook.cells.filter((c) => c.cell_type === "code").length} cells in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
