import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.js";
import { readRecords, type ScenarioRecord } from "../../src/batch/records.js";
import { fixtureDir, mixedScenarios } from "../helpers/fixtures.js";

const dir = fixtureDir(mixedScenarios);
const all = async (args: string[], stdin = "") => {
  const records: ScenarioRecord[] = [];
  for (const input of await expandInputs(args, dir)) {
    for await (const record of readRecords(input, Readable.from([stdin]))) records.push(record);
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
    const errors = (await all(["."])).filter((record) => record.error).map((record) => record.error);
    expect(errors[0]).toMatch(/^invalid JSON: /);
    expect(errors[1]).toMatch(/^invalid JSON: .*\(line 1, column 16\)$/);
  });

  it("reads JSONL from stdin, with CRLF line ends", async () => {
    const records = await all(["-"], '{"plan":"pro"}\r\n{"plan":"trial","name":"t"}\r\n');
    expect(records.map(({ id, data }) => [id, data])).toEqual([
      ["stdin:1", { plan: "pro" }],
      ["t", { plan: "trial", name: "t" }],
    ]);
  });
});

describe("yamlScenarios", () => {
  it("names scenarios as check --update and batch both report them, an empty list item counted", async () => {
    const { parseAllDocuments } = await import("yaml");
    const documents = parseAllDocuments("- null\n- plan: pro\n---\nplan: trial\n");
    const { yamlScenarios } = await import("../../src/batch/records.js");
    const named = [...yamlScenarios(Array.isArray(documents) ? documents : [], "f.yaml")].map((item) => [
      item.source,
      "at" in item ? item.at : undefined,
    ]);
    expect(named).toEqual([
      ["f.yaml#1", [0]],
      ["f.yaml#2", [1]],
      ["f.yaml#3", []],
    ]);
  });
});
