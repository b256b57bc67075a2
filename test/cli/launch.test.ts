// The bin's loader: the build's code cache is taken, and a cache V8 rejects (another
// Node, a corrupt file) or a missing one changes nothing but speed; --debug bypasses it
// for the source map. The bin shim in a checkout that was never built.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers/cli.js";

const args = ["estimate", "--plan", "pro", "--dau", "25000", "--format", "json"];
const shim = `const { run, processIo, codeCache } = require("./launch.cjs");
process.stderr.write(codeCache);
run(process.argv.slice(2), processIo()).then((code) => (process.exitCode = code));`;

function runWith(cache: "built" | "corrupt" | "missing") {
  const dir = mkdtempSync(join(tmpdir(), "im-bill-launch-"));
  try {
    for (const file of ["launch.cjs", "cli.cjs"]) copyFileSync(join(root, "dist", file), join(dir, file));
    if (cache === "built") copyFileSync(join(root, "dist/cli.cjs.cache"), join(dir, "cli.cjs.cache"));
    if (cache === "corrupt") writeFileSync(join(dir, "cli.cjs.cache"), "not a code cache");
    writeFileSync(join(dir, "shim.cjs"), shim);
    return spawnSync(process.execPath, [join(dir, "shim.cjs"), ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("launch", () => {
  it("uses the code cache written by the build", () => {
    const result = runWith("built");
    expect(result.stderr).toBe("accepted");
    expect(JSON.parse(result.stdout).total).toBe("3499.00");
  });

  it.each(["corrupt", "missing"] as const)("works the same with a %s cache", (cache) => {
    const result = runWith(cache);
    expect(result.stderr).toBe(cache === "corrupt" ? "rejected" : "missing");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(runWith("built").stdout);
  });
});

describe("bin/im-bill.cjs", () => {
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
      for (const file of ["launch.cjs", "cli.cjs", "cli.cjs.map", "cli.cjs.cache"])
        copyFileSync(join(root, "dist", file), join(dir, file));
      writeFileSync(join(dir, "shim.cjs"), shim);
      const result = spawnSync(process.execPath, [join(dir, "shim.cjs"), ...args, "--debug"], {
        encoding: "utf8",
        env: { PATH: process.env.PATH },
      });
      expect(result.stderr).toBe("debug");
      expect(result.stdout).toBe(runWith("built").stdout);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
