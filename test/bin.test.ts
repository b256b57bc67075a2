// bin/im-bill.cjs: the build's code cache is taken, and a cache V8 rejects (another
// Node, a corrupt file) or a missing one changes nothing but speed; --debug bypasses it
// for the source map. The rest of the CLI (dist/cli-rest.cjs) is loaded only by a run
// that needs it, with its own cache. The bin in a checkout that was never built.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers/cli.js";

const args = ["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"];
// The bin's own loader, saying how the cache fared (the bundle's, then the rest's, "none"
// when the run did not load the rest), then the run as the bin makes it.
const shim = `const { loadCli } = require("./bin/im-bill.cjs");
const { cli, cache, rest } = loadCli();
cli.run(process.argv.slice(2), cli.processIo()).then((code) => {
  process.exitCode = code;
  process.stderr.write(cache + "/" + (rest?.()?.cache ?? "none"));
});`;

/** A copy of the bin and of what it loads from dist/, and the shim beside them. */
function install(dir: string, files: readonly string[]) {
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist"));
  copyFileSync(join(root, "bin/im-bill.cjs"), join(dir, "bin/im-bill.cjs"));
  // The built-in price lists every run reads, made by the build.
  for (const file of [...files, "made-lists.json"]) copyFileSync(join(root, "dist", file), join(dir, "dist", file));
  writeFileSync(join(dir, "shim.cjs"), shim);
}

function runWith(cache: "built" | "corrupt" | "missing") {
  const dir = mkdtempSync(join(tmpdir(), "im-bill-launch-"));
  try {
    install(dir, cache === "built" ? ["cli.cjs", "cli.cjs.data.cache"] : ["cli.cjs"]);
    if (cache === "corrupt") writeFileSync(join(dir, "dist/cli.cjs.data.cache"), "not a code cache");
    return spawnSync(process.execPath, [join(dir, "shim.cjs"), ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the code cache", () => {
  it("uses the code cache written by the build", () => {
    const result = runWith("built");
    // An estimate as JSON needs nothing of the rest.
    expect(result.stderr).toBe("accepted/none");
    expect(JSON.parse(result.stdout).total).toBe("3499.00");
  });

  it("loads the rest of the CLI, with its own code cache, for a run that needs it", () => {
    const dir = mkdtempSync(join(tmpdir(), "im-bill-launch-"));
    try {
      install(dir, ["cli.cjs", "cli.cjs.table.cache", "cli-rest.cjs", "cli-rest.cjs.cache", "csv.cjs"]);
      const result = spawnSync(
        process.execPath,
        [join(dir, "shim.cjs"), ...args.slice(0, -1), "markdown", "--lang", "en"],
        { encoding: "utf8", env: { PATH: process.env.PATH } },
      );
      expect(result.stderr).toBe("accepted/accepted");
      expect(result.stdout).toMatch(/\| \*\*Total\*\* \|.*\| \*\*¥3,499\.00\*\* \|/);
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(["corrupt", "missing"] as const)("works the same with a %s cache", (cache) => {
    const result = runWith(cache);
    expect(result.stderr).toBe(cache === "corrupt" ? "rejected/none" : "missing/none");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(runWith("built").stdout);
  });
});

describe("the bin", () => {
  it.each([
    ["C", "im-bill is not built: run `npm run build` in its folder.\n"],
    ["zh_CN.UTF-8", "im-bill 尚未构建：请在其目录中运行 `npm run build`。\n"],
  ])("in a checkout that was not built (LANG=%s), says what to run", (lang, message) => {
    const dir = mkdtempSync(join(tmpdir(), "im-bill-unbuilt-"));
    try {
      mkdirSync(join(dir, "bin"));
      copyFileSync(join(root, "bin/im-bill.cjs"), join(dir, "bin/im-bill.cjs"));
      const result = spawnSync(process.execPath, [join(dir, "bin/im-bill.cjs"), ...args], {
        encoding: "utf8",
        env: { PATH: process.env.PATH, LANG: lang },
      });
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("under --debug, loads the bundle with its source map instead of the code cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "im-bill-launch-"));
    try {
      install(dir, ["cli.cjs", "cli.cjs.map", "cli.cjs.data.cache"]);
      const result = spawnSync(process.execPath, [join(dir, "shim.cjs"), ...args, "--debug"], {
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      expect(result.stderr).toBe("debug/none");
      expect(result.stdout).toBe(runWith("built").stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the kind of run, whose code cache is loaded", () => {
  const { kindOf } = createRequire(import.meta.url)(join(root, "bin/im-bill.cjs")) as {
    kindOf: (argv: readonly string[]) => string;
  };
  it.each([
    [["estimate", "--plan", "pro", "--format", "json"], "data"],
    [["batch", "scenarios/", "--format=jsonl"], "data"],
    [["forecast", "--format", "csv"], "data"],
    [["estimate", "--plan", "pro"], "table"],
    [["compare", "--dau", "5000"], "table"],
    [["check", "scenarios/"], "check"],
    [["check", "app.json", "--format", "json"], "data"],
    [["--help"], "help"],
    [["estimate", "-h"], "help"],
    [["help", "batch"], "help"],
    [[], "help"],
  ])("%j → %s", (argv, kind) => {
    expect(kindOf(argv)).toBe(kind);
  });
});
