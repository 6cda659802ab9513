// The command line's manners, run in this process through main() (what the executable runs): a misspelt option or
// command answers with the nearest one, --lang no is Norwegian everywhere, and the README's fetch examples run
// against SCB's recorded answers.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, test, vi } from "vitest";
import { errorLine, main } from "../../src/cli/command.ts";
import { localeOf } from "../../src/cli/args.ts";
import { didYouMean } from "../../src/cli/suggest.ts";
import { printPdf } from "../../src/report/pdf.ts";
import { fetchTableText } from "../../src/report/pipelines/fetch-node.ts";
import { apiFixture, replay, type Replay, sendJson, TAB638_ROUTES } from "../api/replay.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** What `omvarld ARGS` prints on standard output and the line it ends with on standard error, in this process. */
async function omvarld(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  const log = vi.spyOn(console, "log").mockImplementation((line: unknown) => void (stdout += `${String(line)}\n`));
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
  try {
    return { code: await main(args), stdout, stderr: "" };
  } catch (e) {
    return { code: 2, stdout, stderr: `${errorLine(e)}\n` };
  } finally {
    log.mockRestore();
    write.mockRestore();
    error.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe("a misspelt option or command answers with the nearest", () => {
  test("an argument a command does not take is an error, never passed over (--data a b used to drop b)", async () => {
    expect(await omvarld("report", "--data", "data/ssb", "data/tf", "--region", "3421")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'omvarld: unexpected argument "data/tf" (hint: give each path its own --data, or a comma list: --data a,b (omvarld report --help))\n',
    });
    expect((await omvarld("inspect", "a.csv", "b.csv")).stderr).toBe(
      'omvarld: unexpected argument "b.csv" (hint: omvarld inspect --help lists what it takes)\n',
    );
  });

  test("unknown options: the nearest of the command's own, or none when nothing is near", async () => {
    expect(await omvarld("report", "--data", "data/ssb", "--regoin", "3421")).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "omvarld: unknown option --regoin: did you mean --region? (hint: omvarld report --help lists its options)\n",
    });
    expect((await omvarld("inspect", "x.csv", "--jsno")).stderr).toBe(
      "omvarld: unknown option --jsno: did you mean --json? (hint: omvarld inspect --help lists its options)\n",
    );
    expect((await omvarld("fetch", "scb", "TAB638", "--selct", "Region=2021")).stderr).toBe(
      "omvarld: unknown option --selct: did you mean --select? (hint: omvarld fetch --help lists its options)\n",
    );
    expect((await omvarld("annex", "--data=data/scb", "--horizn=2040")).stderr).toBe(
      "omvarld: unknown option --horizn: did you mean --horizon? (hint: omvarld annex --help lists its options)\n",
    );
    expect((await omvarld("inspect", "--frobnicate", "x.csv")).stderr).toBe(
      "omvarld: unknown option --frobnicate (hint: omvarld inspect --help lists its options)\n",
    );
    // after a lone "--" everything is a positional
    expect((await omvarld("inspect", "--", "--regoin")).stderr).toBe(
      "omvarld: --regoin: no such file (hint: check the path, or give - to read standard input)\n",
    );
  });

  test("parseArgs' own complaints in the CLI's words", async () => {
    expect((await omvarld("report", "--data", "data/ssb", "--region")).stderr).toBe(
      "omvarld: --region needs a value (hint: omvarld report --help lists its options)\n",
    );
    expect((await omvarld("inspect", "-x", "f.csv")).stderr).toBe(
      "omvarld: unknown option -x (hint: omvarld inspect --help lists its options)\n",
    );
  });

  test("an unknown command names the nearest command; --kind the nearest kind", async () => {
    const commands = "inspect, attractiveness, report, annex, indicators, demo, search, meta, fetch, cache";
    expect(await omvarld("reprot", "--region", "2021")).toEqual({
      code: 2,
      stdout: "",
      stderr: `omvarld: unknown command "reprot": did you mean report? (hint: the commands are: ${commands})\n`,
    });
    expect((await omvarld("fecth", "scb", "TAB638")).stderr).toBe(
      `omvarld: unknown command "fecth": did you mean fetch? (hint: the commands are: ${commands})\n`,
    );
    expect((await omvarld("plot")).stderr).toBe(
      `omvarld: unknown command "plot" (hint: the commands are: ${commands})\n`,
    );
    expect((await omvarld("indicators", "data/reat/G.regions.emp.csv", "--kind", "speciallisation")).stderr).toBe(
      "omvarld: --kind speciallisation is not one of shift-share, lq, specialisation, inequality, convergence: did you mean --kind specialisation? (hint: omvarld indicators FILE --kind shift-share)\n",
    );
  });

  test("didYouMean: near enough to be meant, or nothing", () => {
    expect(didYouMean("regoin", ["data", "region", "out"])).toBe("region");
    expect(didYouMean("REGION", ["region"])).toBe("region");
    expect(didYouMean("pfd", ["pdf", "out"])).toBe("pdf");
    expect(didYouMean("xy", ["to", "from"])).toBeUndefined(); // 2 edits of 2 letters is another word
    expect(didYouMean("frobnicate", ["json", "lang", "help"])).toBeUndefined();
  });
});

describe("the library takes the data, the command line the flags and the environment", () => {
  test("--out with a kind of file the command cannot write stops before anything is fetched", async () => {
    vi.stubEnv("OMVARLD_SCB_URL", "http://127.0.0.1:9/api/v2/"); // nothing listens: a fetch would fail otherwise
    expect((await omvarld("fetch", "scb", "TAB638", "--select", "Region=2021", "--out", "vansbro.txt")).stderr).toBe(
      "omvarld: --out vansbro.txt: the file must end in .csv, .xlsx, .json, .parquet or .arrow (hint: omvarld fetch scb TAB638 --out TAB638.csv)\n",
    );
  });

  test("printPdf prints with the Chromium it is given; report --pdf gives it $CHROMIUM", async () => {
    const folder = mkdtempSync(join(tmpdir(), "omvarld-chromium-"));
    try {
      // a stand-in for Chromium that writes what it was asked to print, and where, into the PDF's place
      const fake = join(folder, "fake-chromium");
      writeFileSync(
        fake,
        '#!/bin/sh\nfor a; do case "$a" in --print-to-pdf=*) out="${a#--print-to-pdf=}";; file:*) page="$a";; esac; done\nprintf "printed %s" "$page" > "$out"\n',
      );
      chmodSync(fake, 0o755);
      const html = join(folder, "page.html");
      writeFileSync(html, "<p>x</p>");
      printPdf(html, join(folder, "page.pdf"), { chromium: fake });
      expect(readFileSync(join(folder, "page.pdf"), "utf8")).toBe(`printed ${pathToFileURL(html).href}`);
      vi.stubEnv("CHROMIUM", fake);
      const out = join(folder, "trysil");
      const r = await omvarld(
        "report",
        "--data",
        join(root, "data/tf"),
        "--region",
        "0428",
        "--out",
        out,
        "--pdf",
        "--no-cache",
      );
      expect(r).toEqual({ code: 0, stdout: `${join(out, "report.html")}\n${join(out, "report.pdf")}\n`, stderr: "" });
      expect(readFileSync(join(out, "report.pdf"), "utf8")).toBe(
        `printed ${pathToFileURL(join(out, "report.html")).href}`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("--lang: sv, nb, no (PxWeb's code for Norwegian) or en, the same in every command", () => {
  test("localeOf", () => {
    expect([localeOf("sv"), localeOf("nb"), localeOf("no"), localeOf("en"), localeOf(undefined)]).toEqual([
      "sv",
      "nb",
      "nb",
      "en",
      undefined,
    ]);
    expect(() => localeOf("de")).toThrow("--lang de is not sv, nb, no or en");
  });

  test("every help that lists --lang lists sv|nb|en and no parses as nb; --lang de is one line", async () => {
    for (const command of [
      "inspect",
      "attractiveness",
      "report",
      "annex",
      "indicators",
      "demo",
      "search",
      "meta",
      "fetch",
    ]) {
      const { stdout } = await omvarld(command, "--help");
      expect(stdout, command).toMatch(/--lang sv\|nb\|en/);
      expect(stdout, command).not.toMatch(/sv\|no\|en/);
    }
    expect((await omvarld("inspect", "data/costs/example-unit-costs.json", "--lang", "de")).stderr).toBe(
      "omvarld: --lang de is not sv, nb, no or en (hint: --lang sv (the default), --lang nb (or no) or --lang en)\n",
    );
  });

  test("meta --lang no and --lang nb both ask PxWeb for Norwegian labels (its code: no)", async () => {
    const server = await replay([
      { method: "GET", path: "/api/v2/config", query: "", file: "scb-v2/config.json" },
      // the recorded Swedish metadata stands in for the Norwegian answer: the request is what is checked
      { method: "GET", path: "/api/v2/tables/TAB638/metadata", file: "scb-v2/tables/TAB638/metadata.json" },
    ]);
    const folder = mkdtempSync(join(tmpdir(), "omvarld-lang-"));
    try {
      vi.stubEnv("OMVARLD_SCB_URL", `${server.url}/api/v2/`);
      vi.stubEnv("OMVARLD_CACHE", folder);
      const no = await omvarld("meta", "scb", "TAB638", "--lang", "no");
      const nb = await omvarld("meta", "scb", "TAB638", "--lang", "nb", "--refresh");
      expect(no).toMatchObject({ code: 0, stderr: "" });
      expect(nb.stdout).toBe(no.stdout);
      expect(server.hits.filter((h) => h.includes("metadata"))).toEqual([
        "GET /api/v2/tables/TAB638/metadata?lang=no",
        "GET /api/v2/tables/TAB638/metadata?lang=no",
      ]);
    } finally {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test("attractiveness --lang no prints what --lang nb prints: Norwegian words and numbers", async () => {
    const panel = join(root, "data/tf/no-regions-2003-2016.csv");
    const no = await omvarld("attractiveness", panel, "--lang", "no", "--no-cache");
    const nb = await omvarld("attractiveness", panel, "--lang", "nb", "--no-cache");
    const sv = await omvarld("attractiveness", panel, "--lang", "sv", "--no-cache");
    expect(no.code).toBe(0);
    expect(no.stdout).toBe(nb.stdout);
    expect(no.stdout).not.toBe(sv.stdout);
    expect(no.stdout).toContain("nettoinnflytting"); // sv: nettoinflyttning
    expect(sv.stdout).toContain("nettoinflyttning");
  });
});

/** The `omvarld fetch` examples of the README, backslash continuations joined, split as a shell splits them. */
function readmeFetchExamples(): string[][] {
  const text = readFileSync(join(root, "README.md"), "utf8").replace(/\\\n\s*/g, "");
  return [...text.matchAll(/^(?:npx )?omvarld (fetch .*)$/gm)].map((m) =>
    [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((w) => w[1] ?? w[2]!),
  );
}

/**
 * SCB's recorded /config and TAB638 metadata, and a data endpoint that answers any selection in JSON-stat 2 built
 * from the recorded metadata (variables left out are summed by SCB: absent from the answer), each cell's value
 * 1000 + its position in the answer; every selection posted is kept.
 */
async function tab638(): Promise<{ server: Replay; posted: unknown[] }> {
  const metadata = JSON.parse(apiFixture("scb-v2/tables/TAB638/metadata.json").toString("utf8")) as {
    id: string[];
    dimension: Record<string, { category: { label: Record<string, string> } }>;
  };
  const posted: unknown[] = [];
  const server = await replay([
    // /config and the metadata as recorded; the data answer made for whatever selection is posted
    ...TAB638_ROUTES.slice(0, 2),
    {
      method: "POST",
      path: "/api/v2/tables/TAB638/data",
      query: "lang=sv&outputFormat=json-stat2",
      handle: (_request, response, body) => {
        const selection = (body as { selection: { variableCode: string; valueCodes: string[] }[] }).selection;
        posted.push(selection);
        const ids = metadata.id.filter((id) => selection.some((s) => s.variableCode === id));
        const codes = ids.map((id) => selection.find((s) => s.variableCode === id)!.valueCodes);
        const cells = codes.reduce((p, c) => p * c.length, 1);
        const dimension = Object.fromEntries(
          ids.map((id, k) => {
            const d = metadata.dimension[id]!;
            const index = Object.fromEntries(codes[k]!.map((c, i) => [c, i]));
            const label = Object.fromEntries(codes[k]!.map((c) => [c, d.category.label[c]!]));
            return [id, { ...d, category: { ...d.category, index, label } }];
          }),
        );
        const value = Array.from({ length: cells }, (_, i) => 1000 + i);
        sendJson(response, { ...metadata, id: ids, size: codes.map((c) => c.length), dimension, value });
      },
    },
  ]);
  return { server, posted };
}

describe("the README's fetch examples run as written", () => {
  test("against SCB's recorded /config and metadata: the selection posted and the file written", async () => {
    const examples = readmeFetchExamples();
    expect(examples).toEqual([
      // ### Fetch your kommun's population by age
      [
        "fetch",
        "scb",
        "TAB638",
        "--select",
        "Region=2021",
        "--select",
        "Alder=range(0,100+)",
        "--select",
        "ContentsCode=BE0101N1",
        "--select",
        "Tid=top(1)",
        "--out",
        "vansbro.xlsx",
      ],
      // ## On the command line
      ["fetch", "scb", "TAB638", "--select", "Region=2021", "--select", "Tid=top(1)", "--out", "vansbro.csv"],
    ]);
    const { server, posted } = await tab638();
    const folder = mkdtempSync(join(tmpdir(), "omvarld-readme-fetch-"));
    const cwd = process.cwd();
    try {
      vi.stubEnv("OMVARLD_SCB_URL", `${server.url}/api/v2/`);
      vi.stubEnv("OMVARLD_CACHE", join(folder, "cache"));
      process.chdir(folder); // the examples write vansbro.xlsx and vansbro.csv where they are run
      for (const args of examples) {
        const r = await omvarld(...args);
        expect(r, args.join(" ")).toEqual({ code: 0, stdout: `${args.at(-1)}\n`, stderr: "" });
      }
      // the README's library call: no flags, no environment; the same request and file as the command
      vi.unstubAllEnvs();
      const api = { baseUrl: `${server.url}/api/v2/`, cacheDir: join(folder, "library-cache") };
      const selection = { Region: "2021", Tid: "top(1)" };
      await fetchTableText("scb", "TAB638", { ...api, selection, file: join(folder, "library.csv") });
      expect(posted[2]).toEqual(posted[1]);
      expect(readFileSync(join(folder, "library.csv"), "utf8")).toBe(readFileSync(join(folder, "vansbro.csv"), "utf8"));
    } finally {
      process.chdir(cwd);
      await server.close();
    }
    // range(0,100+) is the 101 ages 0 … 100+ of the recorded metadata, top(1) its latest year (2024)
    const ages = [...Array.from({ length: 100 }, (_, k) => String(k)), "100+"];
    expect(posted[0]).toEqual([
      { variableCode: "Region", valueCodes: ["2021"] },
      { variableCode: "Alder", valueCodes: ages },
      { variableCode: "ContentsCode", valueCodes: ["BE0101N1"] },
      { variableCode: "Tid", valueCodes: ["2024"] },
    ]);
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(folder, "vansbro.xlsx"));
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "region",
      "region_name",
      "age",
      "age_name",
      "contents",
      "contents_name",
      "year",
      "value",
    ]);
    expect(sheet.getRow(102).values).toEqual([
      undefined,
      "2021",
      "Vansbro",
      "100+",
      "100+ år",
      "BE0101N1",
      "Folkmängd",
      2024,
      1100,
    ]);
    // ContentsCode left out: the table's first content (BE0101N1, Folkmängd), as PxWeb's own default selection;
    // Civilstand, Alder and Kon left out are summed by SCB
    expect(posted[1]).toEqual([
      { variableCode: "Region", valueCodes: ["2021"] },
      { variableCode: "ContentsCode", valueCodes: ["BE0101N1"] },
      { variableCode: "Tid", valueCodes: ["2024"] },
    ]);
    expect(readFileSync(join(folder, "vansbro.csv"), "utf8").trimEnd().split(/\r?\n/)).toEqual([
      "region,region_name,contents,contents_name,year,value",
      "2021,Vansbro,BE0101N1,Folkmängd,2024,1000",
    ]);
    rmSync(folder, { recursive: true, force: true });
  });
});
