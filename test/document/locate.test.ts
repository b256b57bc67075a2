import { describe, expect, it } from "vitest";
import { lineOf } from "../../src/document/locate.js";

const json = `{
  "name": "App",
  "plan": "pro",
  "expect": {
    "total": "1.00",
    "lines": { "overage.dau": "2.00" }
  }
}
`;

const yamlList = `# two scenarios
- name: A
  plan: pro
- name: B
  plan: flagship
  expect:
    total: "3.00"
`;

describe("lineOf", () => {
  it("finds a key in a JSON scenario, as deep as it goes", () => {
    expect(lineOf(json, "json", "", [])).toBe(1);
    expect(lineOf(json, "json", "", ["expect", "total"])).toBe(5);
    expect(lineOf(json, "json", "", ["expect", "lines", "overage.dau"])).toBe(6);
    // a key that is not there: its parent's line
    expect(lineOf(json, "json", "", ["expect", "maxTotal"])).toBe(4);
  });

  it("counts the scenarios of a YAML list as #n names them", () => {
    expect(lineOf(yamlList, "yaml", "#1", [])).toBe(2);
    expect(lineOf(yamlList, "yaml", "#2", [])).toBe(4);
    expect(lineOf(yamlList, "yaml", "#2", ["expect", "total"])).toBe(7);
    expect(lineOf(yamlList, "yaml", "#3", [])).toBeUndefined();
  });

  it("counts YAML documents, skipping empty ones", () => {
    const text = "name: A\n---\n---\nname: B\nplan: pro\n";
    expect(lineOf(text, "yaml", "#2", ["plan"])).toBe(5);
  });

  it("takes a JSONL scenario's line from its locator, and gives none for text it cannot read", () => {
    expect(lineOf('{"a":1}\n{"b":2}\n', "jsonl", ":2", [])).toBe(2);
    expect(lineOf("", "jsonl", "", [])).toBeUndefined();
    expect(lineOf("[", "json", "#4", [])).toBeUndefined();
  });
});
