// YAML text to values, with js-yaml: YAML 1.2's core schema (maps, lists, strings,
// numbers, booleans, null), duplicate keys and unknown aliases refused with a line,
// nesting bounded while parsing. Any other tag (!!omap, !!set, !!timestamp, !!binary,
// !!merge, a custom !tag) parses into an UnsupportedTag that the tree check reports at
// its field. js-yaml measured 5–10× faster and lighter than the `yaml` package on
// large files (a 50,000-key file: 0.2 s against 1.1 s, 130 s with its duplicate check).
import type { Schema, YAMLException } from "js-yaml";
import { say, type Text } from "../errors.js";
import type { Messages } from "../i18n/messages.js";
import { LIMITS } from "./limits.js";
import { documentError, limitMessage } from "./problem.js";
import { checkTree, UnsupportedTag, type ValueBudget } from "./tree.js";

type JsYaml = typeof import("js-yaml");
let loaded: { yaml: JsYaml; schema: Schema } | undefined;

/** js-yaml and its schema, loaded on first use: most runs read JSON. */
async function jsYaml(): Promise<{ yaml: JsYaml; schema: Schema }> {
  if (!loaded) {
    const yaml = await import("js-yaml");
    // Every tag the core schema does not know, matched by prefix: a value to refuse.
    const other = { matchByTagPrefix: true, identify: () => false };
    const schema = yaml.CORE_SCHEMA.withTags(
      yaml.defineScalarTag("", { ...other, resolve: (_source, _explicit, tag) => new UnsupportedTag(tag) }),
      yaml.defineSequenceTag("", { ...other, create: (tag) => new UnsupportedTag(tag), addItem: () => undefined }),
      yaml.defineMappingTag("", {
        ...other,
        create: (tag) => new UnsupportedTag(tag),
        addPair: () => "",
        has: () => false,
        keys: () => [],
        get: () => undefined,
      }),
    );
    loaded = { yaml, schema };
  }
  return loaded;
}

/**
 * The documents of a YAML text (a file may hold several, separated by ---), each
 * checked against the limits; an empty document is null. Throws an InputError.
 */
export async function parseYaml(
  text: string,
  source: string,
  options: { rootItems?: number } = {},
): Promise<unknown[]> {
  const { yaml, schema } = await jsYaml();
  let documents: unknown[];
  try {
    documents = yaml.loadAll(text, { schema, maxDepth: LIMITS.depth, filename: source });
  } catch (error) {
    if (error instanceof yaml.YAMLException) throw yamlError(error, text, source);
    // js-yaml's own advice: "All exceptions MUST be caught". Its parser does not recurse,
    // but anything else it throws on hostile text is still this file's problem.
    if (error instanceof RangeError) throw documentError(source, [], limitMessage.depth);
    throw error;
  }
  if (documents.length > LIMITS.scenariosPerFile)
    throw documentError(source, [], limitMessage.items(LIMITS.scenariosPerFile));
  const budget: ValueBudget = { values: 0 };
  for (const document of documents) checkTree(document, source, { rootItems: options.rootItems, budget });
  return documents;
}

type Reason = (t: Messages["document"]) => string;

/** js-yaml's exception as our message: known reasons in the user's language, with the place. */
function yamlError(error: YAMLException, text: string, source: string) {
  const reason = error.reason ?? error.message;
  // js-yaml places a complex key at the start of its mapping (often line 1): look for the key itself.
  const at =
    (/complex keys/.test(reason) && complexKeyAt(text)) ||
    (error.mark && { line: error.mark.line + 1, column: error.mark.column + 1 });
  const known: [RegExp, (match: RegExpExecArray) => Reason][] = [
    [/^duplicated mapping key/, () => (d) => d.duplicateYamlKey(keyAt(text, error.mark?.position ?? -1))],
    [/^unidentified alias "(.*)"/, (match) => (d) => d.unknownAlias(match[1]!)],
    [/^nesting exceeded maxDepth/, () => (d) => d.tooDeep(LIMITS.depth)],
    [/complex keys/, () => (d) => d.complexKey],
    [/^tab characters must not be used in indentation/, () => (d) => d.invalidYaml(d.yaml.tabs)],
    [/^end of the stream or a document separator is expected/, () => (d) => d.invalidYaml(d.yaml.unexpected)],
    [/^bad indentation/, () => (d) => d.invalidYaml(d.yaml.indentation)],
    [/^unexpected end of the stream/, () => (d) => d.invalidYaml(d.yaml.unexpectedEnd)],
  ];
  let message: Text = say((t) => t.document.invalidYaml(reason));
  for (const [pattern, make] of known) {
    const match = pattern.exec(reason);
    if (match) {
      const pick = make(match);
      message = say((t) => pick(t.document));
      break;
    }
  }
  return documentError(source, [], message, at);
}

/** Where the first complex key is written: an explicit "? " key, or a flow list or mapping before a colon. */
function complexKeyAt(text: string): { line: number; column: number } | undefined {
  const lines = text.split("\n");
  for (const [index, line] of lines.entries()) {
    const match = /^(\s*(?:-\s+)?)(\?(?:\s|$)|[[{][^#]*[\]}]\s*:(?:\s|$))/.exec(line);
    if (match) return { line: index + 1, column: match[1]!.length + 1 };
  }
  return undefined;
}

/** The key written at `position` (where js-yaml points at a duplicate), quoted; "" if unclear. */
function keyAt(text: string, position: number): string {
  if (position < 0) return "";
  let start = position;
  while (start > 0 && (text[start - 1] === '"' || text[start - 1] === "'")) start--;
  const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s:#,[\]{}][^:#\n]*?))\s*:/.exec(
    text.slice(start, start + 1000),
  );
  const key = match?.[1] ?? match?.[2]?.replace(/''/g, "'") ?? match?.[3];
  return key === undefined ? "" : JSON.stringify(key);
}
