import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { loadDocument } from "../../src/scenario/load.js";

const dir = mkdtempSync(join(tmpdir(), "im-bill-load-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};
const load = (path: string, stdin = "") => loadDocument(path, { cwd: dir, stdin: Readable.from([stdin]) });

describe("loadDocument", () => {
  it("reads JSON, relative to cwd, with a BOM", async () => {
    expect(await load(file("a.json", '\uFEFF{"plan":"pro"}'))).toEqual({ source: "a.json", data: { plan: "pro" } });
  });

  it("reads YAML by extension", async () => {
    expect((await load(file("a.yaml", "plan: pro # comment\nusage:\n  peakDau: 5\n"))).data).toEqual({
      plan: "pro",
      usage: { peakDau: 5 },
    });
    expect((await load(file("b.YML", "plan: trial\n"))).data).toEqual({ plan: "trial" });
  });

  it("reads stdin for -, JSON or YAML", async () => {
    expect(await load("-", '{"plan":"pro"}')).toEqual({ source: "stdin", data: { plan: "pro" } });
    expect((await load("-", "plan: flagship\n")).data).toEqual({ plan: "flagship" });
  });

  it.each([
    ["missing.json", undefined, "missing.json: no such file"],
    [".", undefined, ".: is a directory, not a file"],
    ["empty.json", " \n", 'empty.json: is empty; expected a scenario such as {"plan": "pro"}'],
    [
      "bad.json",
      '{\n  "plan": "pro",\n}',
      "bad.json: invalid JSON: Expected double-quoted property name (line 3, column 1)",
    ],
    ["cut.json", '{"plan": "pro"', "bad.json"],
    ["bad.yaml", "plan: pro\nusage: {peakDau: [}\n", "bad.yaml: invalid YAML:"],
    ["two.yaml", "plan: pro\n---\nplan: trial\n", "two.yaml: holds 2 YAML documents; expected one"],
  ])("%s is rejected with a message naming it", async (name, text, message) => {
    if (text !== undefined) file(name, text);
    await expect(load(name)).rejects.toThrow(
      message === "bad.json" ? /^cut\.json: invalid JSON: .*\(line 1, column 15\)$/ : message,
    );
  });
});
