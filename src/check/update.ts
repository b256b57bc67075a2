// `check --update`: the current results written into what each scenario's `expect`
// block states (its total, the lines it lists, its violations; a maxTotal is kept; a
// scenario without a block gets its total), and the list that priced it pinned where
// the scenario pins none, so that the next list to land does not move it. Nothing
// else is touched: each change is an edit at the source position of the value it
// replaces, so that every other byte of the file (comments, indentation, key order,
// one-line objects) stays. A value that already holds (the same total, the same lines
// in another order) is left as written. The result is checked like any scenario, so
// a budget the new bill breaks fails here as it would in the next `check`.
//
// Positions come from parsers (jsonc-parser's tree for JSON, the yaml package's nodes
// for YAML); the text of a new value is written here, in the file's own style. Not
// jsonc-parser's modify(): inserting a key after `"usage": {"peakDau": 5}` reformats
// that neighbour onto several lines, a change outside the edit.
import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Pair, type YAMLMap } from "yaml";
import type { Input } from "../batch/inputs.js";
import { pricedOrError } from "../batch/price.js";
import { errorText, holdsScenarios, idOf, scenariosOf } from "../batch/records.js";
import { Money } from "../util/money.js";
import type { PriceSettings } from "../catalog/choose.js";
import { parseJson } from "../document/json.js";
import { indentationAt, jsonTree, members, nodeEnd, type Node } from "../document/json-tree.js";
import { LIMITS } from "../document/limits.js";
import { decodeText, hasBom, readFileBytes } from "../document/text.js";
import { parseYaml } from "../document/yaml.js";
import { say, UserError } from "../errors.js";
import type { Expect } from "../scenario/schema.js";
import { writeFileAtomic } from "../files/write.js";
import { expectationsOf } from "./expectations.js";
import { checkedBill, type CheckResult } from "./run.js";
import { append } from "../util/array.js";
import type { JsonObject } from "../util/json.js";

type FileInput = Extract<Input, { kind: "file" }>;

/** A replacement of text[start, end) by `text`. */
interface Edit {
  start: number;
  end: number;
  text: string;
}

/** What `check --update` changed (or, with --dry-run, would change) in one scenario: each value, old → new. */
export interface ScenarioUpdate {
  id: string;
  source: string;
  changes: { what: string; before: string | null; after: string }[];
}

export interface UpdateOptions {
  /** say what would change, write nothing */
  dryRun?: boolean;
  onSkip?: (path: string) => void;
}

/**
 * Update one file; returns a result per scenario (checked against its new expect
 * block, or "invalid") and what changed, scenario by scenario.
 */
export async function updateFile(
  input: FileInput,
  settings: PriceSettings,
  options: UpdateOptions,
): Promise<{ results: CheckResult[]; updates: ScenarioUpdate[] }> {
  const { onSkip } = options;
  const results: CheckResult[] = [];
  const updates: ScenarioUpdate[] = [];
  const done = () => ({ results, updates });
  const invalid = (source: string, error: UserError) =>
    results.push({ id: source, source, status: "invalid", failures: [], error: errorText(error) });

  let text: string;
  let bom = "";
  let documents: unknown[] = [];
  try {
    const limit = input.format === "yaml" ? LIMITS.yamlBytes : LIMITS.fileBytes;
    const bytes = readFileBytes(input.path, input.absolute, limit);
    // The text is read without its byte-order mark, and written back with it.
    if (hasBom(bytes)) bom = "\uFEFF";
    text = decodeText(bytes, input.path);
    if (input.format === "json") documents = [parseJson(text, input.path, { rootItems: LIMITS.scenariosPerFile })];
    if (input.format === "yaml") documents = await parseYaml(text, input.path, { rootItems: LIMITS.scenariosPerFile });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    invalid(input.path, error);
    return done();
  }

  // A file found in a directory that holds no scenarios (a report, a CI file) is left alone.
  const first = input.format === "jsonl" ? firstJsonLine(text) : documents.find((document) => document != null);
  if (input.discovered && first !== undefined && !holdsScenarios(first)) {
    onSkip?.(input.path);
    return done();
  }

  /** Price one scenario, record its result, and return what its expect block becomes (undefined when invalid). */
  const update = (data: unknown, source: string): Change | undefined => {
    const id = idOf(data, source);
    const priced = pricedOrError(data, settings);
    if (priced.error !== undefined) {
      results.push({ id, source, status: "invalid", failures: [], error: priced.error });
      return undefined;
    }
    const { bill, scenario } = priced;
    const expect = expectationsOf(bill, scenario.expect);
    results.push(checkedBill(id, source, bill, expect, priced.catalog));
    // A built-in list is pinned where the scenario pins none; a price file cannot be (it is not always there).
    const { pricing } = bill.prices;
    const pin = scenario.catalog === null && pricing.catalog.builtin ? pricing.catalog.id : undefined;
    const change: Change = { expect, changed: changedKeys(expect, scenario.expect), pin };
    const changes = describeChanges(scenario.expect, change);
    if (changes.length > 0) updates.push({ id, source, changes });
    return change;
  };

  const edits: Edit[] = [];
  if (input.format === "json") {
    const root = jsonTree(text);
    const items = root?.type === "array" ? (root.children ?? []) : root ? [root] : [];
    for (const scenario of scenariosOf(documents, input.path)) {
      const change = update(scenario.data, scenario.source);
      const node = items[scenario.item ?? 0];
      if (change && node) append(edits, jsonEdits(text, node, change));
    }
  } else if (input.format === "jsonl") {
    let start = 0;
    for (let number = 1; start <= text.length; number++) {
      const newline = text.indexOf("\n", start);
      const end = newline === -1 ? text.length : newline;
      const line = text.slice(start, end);
      const source = `${input.path}:${number}`;
      if (line.trim() !== "") {
        try {
          const change = update(parseJson(line.replace(/\r$/, ""), source), source);
          const node = change && jsonTree(line);
          if (change && node)
            for (const edit of jsonEdits(line, node, change))
              edits.push({ start: start + edit.start, end: start + edit.end, text: edit.text });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          invalid(source, error);
        }
      }
      start = end + 1;
    }
  } else {
    // js-yaml read and checked the file; the `yaml` package knows where each node is.
    const parsed = parseAllDocuments(text, { uniqueKeys: false });
    const nodes = Array.isArray(parsed) ? parsed : [];
    for (const scenario of scenariosOf(documents, input.path)) {
      const change = update(scenario.data, scenario.source);
      const contents = nodes[scenario.document]?.contents;
      const node = scenario.item === undefined ? contents : isSeq(contents) ? contents.items[scenario.item] : undefined;
      if (!change || !isMap(node)) continue;
      const refused = anchoredIn(node, change);
      if (refused === undefined) append(edits, yamlEdits(text, node, change));
      else refuse(scenario.source, refused);
    }
  }

  if (edits.length > 0 && !options.dryRun) {
    // New lines end as the file's own do: a CRLF file stays CRLF.
    const eol = /\r\n/.test(text) ? "\r\n" : "\n";
    const ended = eol === "\n" ? edits : edits.map((edit) => ({ ...edit, text: edit.text.replace(/\r?\n/g, eol) }));
    writeFileAtomic(input.absolute, bom + applyEdits(text, ended));
  }
  return done();

  /** A scenario left as it is, and why: its result says so, and nothing of it is reported as changed. */
  function refuse(source: string, what: { key: string; anchor: string }) {
    const at = results.findIndex((result) => result.source === source);
    const error = say((t) => t.check.anchored(what.key, what.anchor));
    if (at !== -1) results[at] = { ...results[at]!, status: "invalid", failures: [], error };
    const listed = updates.findIndex((update) => update.source === source);
    if (listed !== -1) updates.splice(listed, 1);
  }
}

/**
 * What --update would have to rewrite that a YAML anchor or alias holds: the expect
 * block itself, or a value it replaces. A value under an anchor may be used elsewhere
 * (`maxTotal: *t`): rewriting it would drop the anchor and break the alias, or change
 * the other place too. Undefined when nothing it edits is anchored.
 */
function anchoredIn(map: YAMLMap, change: Change): { key: string; anchor: string } | undefined {
  if (change.changed.length === 0) return undefined;
  const expectPair = map.items.find((pair) => keyOf(pair) === "expect");
  const block = expectPair?.value;
  if (!block) return undefined;
  if (isAlias(block)) return { key: "expect", anchor: `*${block.source}` };
  if (isMap(block) && block.anchor) return { key: "expect", anchor: `&${block.anchor}` };
  if (!isMap(block)) return undefined;
  for (const key of change.changed) {
    const value = block.items.find((pair) => keyOf(pair) === key)?.value;
    const anchor = value ? (value as { anchor?: string }).anchor : undefined;
    if (anchor) return { key: `expect.${key}`, anchor: `&${anchor}` };
  }
  return undefined;
}

/** A scenario's new expect block, which of its keys differ from what the file says, and the list to pin. */
interface Change {
  expect: Expect;
  changed: ExpectKey[];
  /** the built-in list that priced it, where the scenario pins none */
  pin?: string;
}

/** Each value a change writes, old → new (amounts and codes as the file holds them). */
function describeChanges(previous: Expect | null, change: Change): ScenarioUpdate["changes"] {
  const out: ScenarioUpdate["changes"] = [];
  if (change.pin !== undefined) out.push({ what: "catalog", before: null, after: change.pin });
  for (const key of change.changed) {
    const after = change.expect[key];
    if (key === "total") out.push({ what: "expect.total", before: previous?.total ?? null, after: after as string });
    if (key === "violations") {
      const list = (codes: readonly string[] | undefined) => (codes === undefined ? null : `[${codes.join(", ")}]`);
      out.push({ what: "expect.violations", before: list(previous?.violations), after: list(after as string[])! });
    }
    if (key === "lines") {
      for (const [id, amount] of Object.entries(after as Record<string, string>)) {
        const before = previous?.lines?.[id];
        if (before === undefined || !new Money(amount).equals(before))
          out.push({ what: `expect.lines.${id}`, before: before ?? null, after: amount });
      }
    }
  }
  return out;
}

/** The first non-blank line of a JSONL text, parsed (undefined when it is not JSON). */
function firstJsonLine(text: string): unknown {
  const line = /^[ \t\r]*\S.*$/m.exec(text)?.[0];
  try {
    return line === undefined ? undefined : parseJson(line.replace(/\r$/, ""), "");
  } catch {
    return undefined;
  }
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}

// ---- what changed ----------------------------------------------------------------

type ExpectKey = "total" | "lines" | "violations";
const WRITTEN: ExpectKey[] = ["total", "lines", "violations"];

/** Whether a written value already says what the new one says (amounts compared as amounts). */
function holds(key: ExpectKey, written: unknown, now: Expect[ExpectKey]): boolean {
  const amount = (value: unknown) =>
    typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? new Money(value) : undefined;
  if (key === "total") return amount(written)?.equals(now as string) ?? false;
  if (key === "violations") {
    if (!Array.isArray(written)) return false;
    return [...(written as unknown[])].map(String).sort().join("\n") === [...(now as string[])].sort().join("\n");
  }
  if (typeof written !== "object" || written === null) return false;
  const before = Object.entries(written as JsonObject);
  const after = Object.entries(now as Record<string, string>);
  return (
    before.length === after.length &&
    after.every(
      ([id, value]) => Object.hasOwn(written, id) && (amount((written as JsonObject)[id])?.equals(value) ?? false),
    )
  );
}

const changedKeys = (expect: Expect, previous: Expect | null | undefined): ExpectKey[] =>
  WRITTEN.filter(
    (key) => expect[key] !== undefined && !(previous?.[key] !== undefined && holds(key, previous[key], expect[key])),
  );

// ---- JSON --------------------------------------------------------------------------

/** `{"a": 1}` or `{"a":1}`, as the object around it is written. */
function inlineJson(value: unknown, spaced: boolean): string {
  const [comma, colon] = spaced ? [", ", ": "] : [",", ":"];
  if (Array.isArray(value)) return `[${value.map((item) => inlineJson(item, spaced)).join(comma)}]`;
  if (typeof value === "object" && value !== null)
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}${colon}${inlineJson(item, spaced)}`)
      .join(comma)}}`;
  return JSON.stringify(value);
}

/** The edits of one scenario object (its "{" at `open`): changed values replaced, missing ones added. */
function jsonEdits(text: string, scenario: Node, change: Change): Edit[] {
  if (scenario.type !== "object") return [];
  return [...jsonPin(text, scenario, change.pin), ...expectJsonEdits(text, scenario, change)];
}

/** `"catalog": "<id>"` after the scenario's plan, on a line of its own where the object has lines. */
function jsonPin(text: string, scenario: Node, pin: string | undefined): Edit[] {
  if (pin === undefined) return [];
  const written = members(scenario);
  const after = written.find((member) => member.key === "plan") ?? written.at(-1);
  if (!after) return [];
  const source = text.slice(scenario.offset, nodeEnd(scenario));
  const spaced = !/"\s*:\S/.test(source);
  const separator = source.includes("\n") ? `,\n${indentationAt(text, after.keyStart)}` : spaced ? ", " : ",";
  const member = `${JSON.stringify("catalog")}${spaced ? ": " : ":"}${JSON.stringify(pin)}`;
  return [{ start: after.valueEnd, end: after.valueEnd, text: `${separator}${member}` }];
}

function expectJsonEdits(text: string, scenario: Node, change: Change): Edit[] {
  if (change.changed.length === 0) return [];
  const unit = /\n([ \t]+)\S/.exec(text)?.[1] ?? "  ";
  const spaced = !/"\s*:\S/.test(text.slice(scenario.offset, nodeEnd(scenario)));
  const colon = spaced ? ": " : ":";
  /** The value as JSON: on lines indented like the key at `keyAt`, or inline. */
  const render = (value: unknown, keyAt: number | null) =>
    keyAt === null
      ? inlineJson(value, spaced)
      : JSON.stringify(value, null, unit).replace(/\n/g, `\n${indentationAt(text, keyAt)}`);
  /** A new member after the last one of an object, written as the object is (on lines or inline). */
  const insert = (object: Node, key: string, value: unknown): Edit => {
    const last = members(object).at(-1);
    const close = nodeEnd(object) - 1;
    if (!last)
      return { start: object.offset + 1, end: close, text: `${JSON.stringify(key)}${colon}${render(value, null)}` };
    const multiline = text.slice(object.offset, close).includes("\n");
    const separator = multiline ? `,\n${indentationAt(text, last.keyStart)}` : spaced ? ", " : ",";
    return {
      start: last.valueEnd,
      end: last.valueEnd,
      text: `${separator}${JSON.stringify(key)}${colon}${render(value, multiline ? last.keyStart : null)}`,
    };
  };
  const block = members(scenario).find((member) => member.key === "expect");
  if (!block) return [insert(scenario, "expect", change.expect)];
  if (block.value.type !== "object") return [];
  const inner = members(block.value);
  return change.changed.map((key) => {
    const member = inner.find((candidate) => candidate.key === key);
    if (!member) return insert(block.value, key, change.expect[key]);
    const multiline = text.slice(member.valueStart, member.valueEnd).includes("\n");
    return {
      start: member.valueStart,
      end: member.valueEnd,
      text: render(change.expect[key], multiline ? member.keyStart : null),
    };
  });
}

// ---- YAML --------------------------------------------------------------------------

const lineStart = (text: string, at: number) => text.lastIndexOf("\n", at - 1) + 1;
/** Where the line of `at` ends: before its "\n", or its "\r\n" in a CRLF file. */
const lineEnd = (text: string, at: number) => {
  const end = text.indexOf("\n", at);
  if (end === -1) return text.length;
  return end > at && text[end - 1] === "\r" ? end - 1 : end;
};
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const yamlKey = (key: string) => (PLAIN.test(key) ? key : JSON.stringify(key));
const yamlScalar = (value: unknown) =>
  typeof value === "string"
    ? PLAIN.test(value) && !/^\d|^(true|false|null|yes|no|on|off)$/i.test(value)
      ? value
      : JSON.stringify(value)
    : String(value);

/** A value as flow YAML: `"4999.00"`, `[a, b]`, `{package: "999.00"}`. */
function flowYaml(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowYaml).join(", ")}]`;
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .map(([key, item]) => `${yamlKey(key)}: ${flowYaml(item)}`)
      .join(", ")} }`.replace(/^\{ {2}\}$/, "{}");
  return typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? JSON.stringify(value) : yamlScalar(value);
}

/** The lines of a non-empty mapping as block YAML at `indent` (no leading newline). */
function blockYaml(value: JsonObject, indent: string): string {
  return Object.entries(value)
    .map(([key, item]) => {
      const nested = typeof item === "object" && item !== null && !Array.isArray(item) && Object.keys(item).length > 0;
      return nested
        ? `${indent}${yamlKey(key)}:\n${blockYaml(item as JsonObject, `${indent}  `)}`
        : `${indent}${yamlKey(key)}: ${flowYaml(item)}`;
    })
    .join("\n");
}

const isBlockable = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;

function columnOf(text: string, at: number): string {
  return " ".repeat(at - lineStart(text, at));
}

/** Where a pair's key and value are; a block collection's range ends after its last newline: not counted. */
function pairRange(
  text: string,
  pair: Pair,
): { keyStart: number; keyEnd: number; valueStart?: number; valueEnd?: number } {
  const key = pair.key as { range?: [number, number, number] };
  const value = pair.value as { range?: [number, number, number] } | null;
  let valueEnd = value?.range?.[1];
  if (valueEnd !== undefined) while (valueEnd > value!.range![0] && /\s/.test(text[valueEnd - 1]!)) valueEnd--;
  return { keyStart: key.range![0], keyEnd: key.range![1], valueStart: value?.range?.[0], valueEnd };
}

/** Where a pair's last line ends: a new pair goes after it. */
function pairEnd(text: string, pair: Pair): number {
  const range = pairRange(text, pair);
  return lineEnd(text, range.valueEnd ?? range.keyEnd);
}

const keyOf = (pair: Pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined);

function yamlEdits(text: string, map: YAMLMap, change: Change): Edit[] {
  return [...yamlPin(text, map, change.pin), ...expectYamlEdits(text, map, change)];
}

/** `catalog: <id>` after the scenario's plan: a line of its own in a block mapping, `, catalog: <id>` in a flow one. */
function yamlPin(text: string, map: YAMLMap, pin: string | undefined): Edit[] {
  if (pin === undefined) return [];
  const pairs = map.items;
  const after = pairs.find((pair) => keyOf(pair) === "plan") ?? pairs.at(-1);
  if (!after) return [];
  if (map.flow) {
    const range = pairRange(text, after);
    const at = range.valueEnd ?? range.keyEnd;
    return [{ start: at, end: at, text: `, catalog: ${yamlScalar(pin)}` }];
  }
  const at = pairEnd(text, after);
  const indent = columnOf(text, pairRange(text, pairs[0]!).keyStart);
  return [{ start: at, end: at, text: `\n${indent}catalog: ${yamlScalar(pin)}` }];
}

function expectYamlEdits(text: string, map: YAMLMap, change: Change): Edit[] {
  if (change.changed.length === 0) return [];
  const { expect } = change;
  const pairs = map.items;
  const expectPair = pairs.find((pair) => keyOf(pair) === "expect");
  if (!expectPair) {
    if (map.flow || pairs.length === 0) {
      const close = (map.range?.[1] ?? 1) - 1;
      return [{ start: close, end: close, text: `${pairs.length > 0 ? ", " : ""}expect: ${flowYaml(expect)}` }];
    }
    const indent = columnOf(text, pairRange(text, pairs[0]!).keyStart);
    const at = pairEnd(text, pairs.at(-1)!);
    return [{ start: at, end: at, text: `\n${indent}expect:\n${blockYaml(expect, `${indent}  `)}` }];
  }
  const block = expectPair.value;
  if (!isMap(block)) return [];
  if (block.flow || block.items.length === 0)
    return [{ start: block.range![0], end: block.range![1], text: flowYaml(expect) }];
  const inner = block.items;
  const indent = columnOf(text, pairRange(text, inner[0]!).keyStart);
  return change.changed.map((key): Edit => {
    const value = expect[key];
    const lines = isBlockable(value) ? blockYaml(value as JsonObject, `${indent}  `) : undefined;
    const pair = inner.find((candidate) => keyOf(candidate) === key);
    if (!pair) {
      const at = pairEnd(text, inner.at(-1)!);
      return { start: at, end: at, text: `\n${indent}${yamlKey(key)}:${lines ? `\n${lines}` : ` ${flowYaml(value)}`}` };
    }
    const range = pairRange(text, pair);
    const afterColon = text.indexOf(":", range.keyEnd) + 1;
    const end = range.valueEnd ?? afterColon;
    // A block replaced by a block: its lines only, so that a comment after the key stays.
    if (lines && isMap(pair.value) && !pair.value.flow && pair.value.items.length > 0)
      return { start: lineStart(text, range.valueStart!), end, text: lines };
    return { start: afterColon, end, text: lines ? `\n${lines}` : ` ${flowYaml(value)}` };
  });
}
