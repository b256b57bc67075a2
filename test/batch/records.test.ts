import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { textIn } from "../../src/errors.js";
import { parseYaml } from "../../src/document/yaml.js";
import { expandInputs } from "../../src/batch/inputs.js";
import { holdsScenarios, readRecords, scenariosOf, type ScenarioRecord } from "../../src/batch/records.js";
import { fixtureDir, mixedScenarios } from "../helpers/fixtures.js";

const dir = fixtureDir(mixedScenarios);
const all = async (args: string[], stdin = "") => {
  const records: ScenarioRecord[] = [];
  for (const input of await expandInputs(args, dir)) {
    for await (const record of readRecords(input, () => Readable.from([stdin]))) records.push(record);
  }
  return records;
};

describe("expandInputs", () => {
  it("walks a directory in name order, scenario files only", async () => {
    expect((await expandInputs(["."], dir)).map((input) => input.path)).toEqual([
      "a-single.json",
      "b-list.json",
      "c-lines.jsonl",
      "d-docs.yaml",
      "e-bad.json",
      join("nested", "f-list.yml"),
    ]);
  });

  it("keeps input order and prices a file named twice once", async () => {
    const paths = (await expandInputs(["d-docs.yaml", "*.json", "a-single.json", "-"], dir)).map((input) => input.path);
    expect(paths).toEqual(["d-docs.yaml", "a-single.json", "b-list.json", "e-bad.json", "-"]);
  });

  it("reports every missing path before any work", async () => {
    await expect(expandInputs(["a-single.json", "missing.json", "*.csv", "notes.txt"], dir)).rejects.toThrow(
      "missing.json: no such file or directory\n*.csv: no scenario files match this pattern\nnotes.txt: not a scenario file (expected .json, .jsonl, .yaml or .yml)",
    );
  });
});

describe("readRecords", () => {
  it("names each scenario by its name, else by where it is", async () => {
    const records = await all(["."]);
    expect(records.map(({ id, source, error }) => [id, source, error !== undefined])).toEqual([
      ["single", "a-single.json", false],
      ["first of list", "b-list.json#1", false],
      ["b-list.json#2", "b-list.json#2", false],
      ["line one", "c-lines.jsonl:1", false],
      ["c-lines.jsonl:3", "c-lines.jsonl:3", true],
      ["c-lines.jsonl:4", "c-lines.jsonl:4", false],
      ["c-lines.jsonl:5", "c-lines.jsonl:5", false],
      ["yaml one", "d-docs.yaml#1", false],
      ["d-docs.yaml#2", "d-docs.yaml#2", false],
      ["e-bad.json", "e-bad.json", true],
      ["nested", `${join("nested", "f-list.yml")}#1`, false],
    ]);
  });

  it("says what is wrong with a bad line or file", async () => {
    const errors = (await all(["."])).filter((record) => record.error).map((record) => textIn(record.error!, "en"));
    expect(errors[0]).toMatch(/^invalid JSON: /);
    expect(errors[1]).toMatch(/^invalid JSON: .*\(line 1, column 16\)$/);
  });

  it.each([
    ["a pretty-printed JSON scenario", '{\n  "plan": "pro",\n  "name": "doc"\n}\n', [["doc", "stdin"]]],
    [
      "a JSON list",
      '[\n  {"plan": "pro"},\n  {"plan": "trial"}\n]',
      [
        ["stdin#1", "stdin#1"],
        ["stdin#2", "stdin#2"],
      ],
    ],
    ["a YAML scenario", "plan: pro\nname: yaml\n", [["yaml", "stdin"]]],
    [
      "YAML documents",
      "plan: pro\n---\nplan: trial\n",
      [
        ["stdin#1", "stdin#1"],
        ["stdin#2", "stdin#2"],
      ],
    ],
    [
      "JSONL with a BOM",
      '\uFEFF{"plan":"pro"}\n{"plan":"trial"}\n',
      [
        ["stdin:1", "stdin:1"],
        ["stdin:2", "stdin:2"],
      ],
    ],
    [
      "JSONL whose first line is broken",
      '{"plan": "pro",\n{"plan":"trial"}\n{"plan":"flagship"}\n',
      [
        ["stdin:1", "stdin:1"],
        ["stdin:2", "stdin:2"],
        ["stdin:3", "stdin:3"],
      ],
    ],
  ])("reads %s from stdin", async (_, input, expected) => {
    const records = await all(["-"], input);
    expect(records.map(({ id, source }) => [id, source])).toEqual(expected);
  });

  it("skips a file found in a directory that holds no scenarios, and says so", async () => {
    const found = fixtureDir({
      "app.json": JSON.stringify({ plan: "pro" }),
      "report.json": JSON.stringify({ version: 1, results: [], errors: [], summary: {} }),
      "bills.jsonl": `${JSON.stringify({ id: "a", source: "a", version: 1, plan: "pro", lines: [], total: "999.00" })}\n`,
      "ci.yml": "name: CI\non: [push]\njobs: {}\n",
    });
    const skipped: string[] = [];
    const records: ScenarioRecord[] = [];
    for (const input of await expandInputs(["."], found))
      for await (const record of readRecords(input, () => Readable.from([""]), {
        onSkip: (path) => skipped.push(path),
      }))
        records.push(record);
    expect(records.map((record) => record.source)).toEqual(["app.json"]);
    expect(skipped).toEqual(["bills.jsonl", "ci.yml", "report.json"]);
    // Named on the command line, a file is read as scenarios whatever it holds.
    const named = [];
    for (const input of await expandInputs(["ci.yml"], found))
      for await (const record of readRecords(input, () => Readable.from([""]))) named.push(record);
    expect(named).toHaveLength(1);
  });

  it("reads JSONL from stdin, with CRLF line ends", async () => {
    const records = await all(["-"], '{"plan":"pro"}\r\n{"plan":"trial","name":"t"}\r\n');
    expect(records.map(({ id, data }) => [id, data])).toEqual([
      ["stdin:1", { plan: "pro" }],
      ["t", { plan: "trial", name: "t" }],
    ]);
  });
});

describe("scenariosOf", () => {
  it("names scenarios as check --update and batch both report them, an empty list item counted", async () => {
    const documents = await parseYaml("- null\n- plan: pro\n---\nplan: trial\n", "f.yaml");
    const named = [...scenariosOf(documents, "f.yaml")].map((item) => [item.source, item.document, item.item]);
    expect(named).toEqual([
      ["f.yaml#1", 0, 0],
      ["f.yaml#2", 0, 1],
      ["f.yaml#3", 1, undefined],
    ]);
  });

  it("names a single document's scenario by the file, and skips empty documents", async () => {
    expect([...scenariosOf([{ plan: "pro" }], "a.json")].map((item) => item.source)).toEqual(["a.json"]);
    expect(
      [...scenariosOf(await parseYaml("---\n---\nplan: pro\n", "b.yaml"), "b.yaml")].map((item) => item.source),
    ).toEqual(["b.yaml#1"]);
  });
});

describe("holdsScenarios", () => {
  it.each([
    [{ plan: "pro" }, true],
    [{ name: "no plan yet", usage: {} }, true],
    [[{ plan: "pro" }, { plan: "flagship" }], true],
    [{ name: "CI", on: ["push"], jobs: {} }, false],
    [{ stages: ["test"], variables: {} }, false],
    [{ version: 1, plan: "pro", lines: [], total: "999.00" }, false],
    [{ version: 1, results: [], errors: [], summary: {} }, false],
    [{ id: "x", source: "x:1", error: "invalid JSON" }, false],
    [[], false],
    ["text", false],
  ])("%j holds scenarios: %s", (data, expected) => {
    expect(holdsScenarios(data)).toBe(expected);
  });
});
