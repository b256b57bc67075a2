// The line a scenario starts on, or a key of it ("expect.total"), in a file already read
// and accepted once: for GitHub annotations, which show a failure on its line. A
// scenario is found as its source names it (file, file#n, file:line), counted as
// `scenariosOf` counts them. A place that cannot be found has no line: the
// annotation is then the file's. Positions come from the parsers that `check --update`
// edits with (jsonc-parser, the yaml package); no recursion.
import { isMap, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from "yaml";
import { jsonTree, members, type Node } from "./json-tree.js";
import { lineAt } from "./text.js";

/**
 * The line (1-based) of the scenario `locator` names ("" for the file's only one, "#n",
 * ":line") and of `keys` inside it, as far as they go (a key not there: its parent's line).
 */
export function lineOf(
  text: string,
  format: "json" | "jsonl" | "yaml",
  locator: string,
  keys: readonly string[],
): number | undefined {
  if (format === "jsonl") return /^:\d+$/.test(locator) ? Number(locator.slice(1)) : undefined;
  const nth = /^#(\d+)$/.exec(locator);
  const index = nth ? Number(nth[1]) - 1 : 0;
  return format === "json" ? jsonLine(text, index, keys) : yamlLine(text, index, keys);
}

function jsonLine(text: string, index: number, keys: readonly string[]): number | undefined {
  const root = jsonTree(text);
  if (!root) return undefined;
  let node: Node | undefined = root.type === "array" ? root.children?.[index] : index === 0 ? root : undefined;
  if (!node) return undefined;
  let offset = node.offset;
  for (const key of keys) {
    const member: ReturnType<typeof members>[number] | undefined = members(node).find((each) => each.key === key);
    if (!member) break;
    offset = member.keyStart;
    node = member.value;
  }
  return lineAt(text, offset);
}

function yamlLine(text: string, index: number, keys: readonly string[]): number | undefined {
  const lineCounter = new LineCounter();
  // Positions only: no aliases are resolved, and the text was parsed (with limits) before.
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: false });
  if (!Array.isArray(documents)) return undefined;
  let count = 0;
  let found: YamlNode | undefined;
  for (const document of documents) {
    const contents = document.contents;
    if (isSeq(contents)) {
      if (index < count + contents.items.length) {
        found = contents.items[index - count];
        break;
      }
      count += contents.items.length;
    } else if (contents !== null && !isEmpty(contents)) {
      if (index === count) {
        found = contents;
        break;
      }
      count++;
    }
  }
  if (!found?.range) return undefined;
  let offset = found.range[0];
  let node: unknown = found;
  for (const key of keys) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    const keyNode = pair?.key as YamlNode | undefined;
    if (!pair || !keyNode?.range) break;
    offset = keyNode.range[0];
    node = pair.value;
  }
  return lineCounter.linePos(offset).line;
}

/** A document with nothing but a null in it (an empty one, between two ---). */
const isEmpty = (node: YamlNode): boolean =>
  (node as { value?: unknown }).value === null && !isMap(node) && !isSeq(node);
