import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../src/document/read.js";
import { LIMITS } from "../../src/document/limits.js";

const dir = mkdtempSync(join(tmpdir(), "im-bill-read-"));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(dir, name), content);
  return name;
};
const load = (path: string, stdin: string | Buffer = "") =>
  readDocument(path, { cwd: dir, stdin: Readable.from([stdin]) }, 'a scenario such as {"plan": "pro"}');

describe("readDocument", () => {
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

  it("reads stdin for -, JSON or YAML, a BOM dropped", async () => {
    expect(await load("-", '{"plan":"pro"}')).toEqual({ source: "stdin", data: { plan: "pro" } });
    expect((await load("-", "plan: flagship\n")).data).toEqual({ plan: "flagship" });
    expect((await load("-", "\uFEFFplan: trial\n")).data).toEqual({ plan: "trial" });
  });

  it.each([
    ["missing.json", undefined, "missing.json: no such file"],
    [".", undefined, ".: is a directory, not a regular file: give a file, or - to read stdin"],
    ["empty.json", " \n", 'empty.json: is empty; expected a scenario such as {"plan": "pro"}'],
    ["empty.yaml", "# nothing\n", 'empty.yaml: is empty; expected a scenario such as {"plan": "pro"}'],
    [
      "bad.json",
      '{\n  "plan": "pro",\n}',
      "bad.json: invalid JSON: expected a key in double quotes (line 3, column 1)",
    ],
    ["cut.json", '{"plan": "pro"', "cut.json: invalid JSON: the text ends too early (line 1, column 15)"],
    ["bad.yaml", "plan: pro\nusage: {peakDau: [}\n", "bad.yaml: invalid YAML:"],
    ["two.yaml", "plan: pro\n---\nplan: trial\n", "two.yaml: holds 2 YAML documents; expected one"],
    [
      "latin1.json",
      Buffer.from('{"name": "caf\xe9", "plan": "pro"}', "latin1"),
      "latin1.json: is not UTF-8 text (line 1): save it as UTF-8",
    ],
    [
      "utf16.json",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"plan":"pro"}', "utf16le")]),
      "utf16.json: is UTF-16 text: save it as UTF-8",
    ],
    ["utf16-no-bom.json", Buffer.from('{"plan":"pro"}', "utf16le"), "utf16-no-bom.json: holds NUL bytes"],
    ["dup.json", '{"plan":"pro","plan":"flagship"}', "dup.json: plan: is given twice on line 1"],
  ])("%s is refused with a message naming it", async (name, content, message) => {
    if (content !== undefined) file(name, content);
    await expect(load(name)).rejects.toThrow(message);
  });

  it("refuses a file past the size limit before reading it, and YAML past its own", async () => {
    file("big.json", `{"plan":"pro","name":"${"x".repeat(LIMITS.fileBytes)}"}`);
    await expect(load("big.json")).rejects.toThrow(/^big\.json: is 16 MiB, more than the limit of 16 MiB$/);
    file("big.yaml", `plan: pro\nname: ${"x".repeat(LIMITS.yamlBytes)}\n`);
    await expect(load("big.yaml")).rejects.toThrow("big.yaml: is 1 MiB, more than the limit of 1 MiB");
    await expect(load("-", `plan: pro\nname: ${"x".repeat(LIMITS.yamlBytes)}\n`)).rejects.toThrow(
      "stdin: is 1 MiB, more than the limit of 1 MiB",
    );
  });

  it("reads a 1 MB name whole", async () => {
    const name = "n".repeat(1_000_000);
    expect((await load(file("long.json", JSON.stringify({ plan: "pro", name })))).data).toEqual({ plan: "pro", name });
  });
});
