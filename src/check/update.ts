// `check --update`: the current results written into each scenario's `expect` block
// (total, lines, violations; a maxTotal is kept), the rest of the file as it was —
// YAML comments included. The golden-file workflow, for bills.
import { readFileSync } from "node:fs";
import { idOf, yamlScenarios } from "../batch/records.js";
import type { Input } from "../batch/inputs.js";
import { priceDocument } from "../batch/price.js";
import type { PriceOptions } from "../calculator/estimate.js";
import type { Catalog } from "../catalog/schema.js";
import type { Expect } from "../scenario/schema.js";
import { writeFileAtomic } from "../util/atomic-write.js";
import { expectationsOf } from "./expectations.js";
import type { CheckResult } from "./run.js";

type FileInput = Extract<Input, { kind: "file" }>;

/** Update one file; returns a result per scenario ("passed" once updated, or "invalid"). */
export async function updateFile(input: FileInput, catalog: Catalog, options: PriceOptions): Promise<CheckResult[]> {
  const text = readFileSync(input.absolute, "utf8");
  const results: CheckResult[] = [];
  /** The new expect block of one scenario, or undefined when it is invalid (left as it is). */
  const expectFor = (data: unknown, source: string): Expect | undefined => {
    const id = idOf(data, source);
    const priced = priceDocument(data, catalog, options);
    if (priced.error !== undefined) {
      results.push({ id, source, status: "invalid", failures: [], error: priced.error });
      return undefined;
    }
    results.push({ id, source, status: "passed", total: priced.estimate.total, failures: [] });
    return expectationsOf(priced.estimate, priced.scenario.expect);
  };
  const updated =
    input.format === "json"
      ? updateJson(text, input.path, expectFor)
      : input.format === "jsonl"
        ? updateJsonLines(text, input.path, expectFor)
        : await updateYaml(text, input.path, expectFor, results);
  if (updated !== undefined && updated !== text) writeFileAtomic(input.absolute, updated);
  return results;
}

type ExpectFor = (data: unknown, source: string) => Expect | undefined;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function updateJson(text: string, path: string, expectFor: ExpectFor): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    return undefined; // reported by the check that follows an update
  }
  const set = (item: unknown, source: string) => {
    const expect = expectFor(item, source);
    if (expect && isObject(item)) item.expect = expect;
  };
  if (Array.isArray(data)) data.forEach((item, index) => set(item, `${path}#${index + 1}`));
  else set(data, path);
  // Keep the file's own indentation and final newline.
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  return `${JSON.stringify(data, null, indent)}${text.endsWith("\n") ? "\n" : ""}`;
}

function updateJsonLines(text: string, path: string, expectFor: ExpectFor): string {
  return text
    .split("\n")
    .map((line, index) => {
      if (line.trim() === "") return line;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        return line;
      }
      const expect = expectFor(data, `${path}:${index + 1}`);
      if (!expect || !isObject(data)) return line;
      data.expect = expect;
      return `${JSON.stringify(data)}${line.endsWith("\r") ? "\r" : ""}`;
    })
    .join("\n");
}

async function updateYaml(
  text: string,
  path: string,
  expectFor: ExpectFor,
  results: CheckResult[],
): Promise<string | undefined> {
  const { parseAllDocuments } = await import("yaml");
  const parsed = parseAllDocuments(text);
  const documents = Array.isArray(parsed) ? parsed : [];
  if (documents.some((document) => document.errors.length > 0)) {
    results.push({ id: path, source: path, status: "invalid", failures: [], error: "invalid YAML: not updated" });
    return undefined;
  }
  for (const scenario of yamlScenarios(documents, path)) {
    if (scenario.error !== undefined) continue; // no document has errors here
    const expect = expectFor(scenario.data, scenario.source);
    if (!expect) continue;
    const at = [...scenario.at, "expect"];
    // Key by key into an existing block, so that its comments (a budget's note) stay.
    if (scenario.document.hasIn(at)) {
      for (const [key, value] of Object.entries(expect)) {
        if (key !== "maxTotal")
          scenario.document.setIn(
            [...at, key],
            typeof value === "string" ? value : scenario.document.createNode(value),
          );
      }
    } else {
      scenario.document.setIn(at, scenario.document.createNode(expect));
    }
  }
  return documents.map(String).join("");
}
