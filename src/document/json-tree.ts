// Where the parts of a JSON text are, as offsets, for edits that change one value and
// leave every other byte as it was (`check --update`), and for reading one key of
// somebody else's file strictly (a package.json). jsonc-parser's tree, for text that
// parseJson accepted: no validation here.
import { createScanner, parseTree, type Node, type SyntaxKind } from "jsonc-parser";

export type { Node };

export interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  /** just after the value */
  valueEnd: number;
  value: Node;
}

/** The tree of a JSON text (the value of a whole document, or of a JSONL line). */
export const jsonTree = (text: string): Node | undefined =>
  parseTree(text, [], { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });

/** Just after a node. */
export const nodeEnd = (node: Node): number => node.offset + node.length;

/** The members of an object node, in the order written (a key given twice, twice). */
export function members(object: Node): Member[] {
  if (object.type !== "object") return [];
  return (object.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    if (!key || !value) return [];
    return [
      { key: String(key.value), keyStart: key.offset, valueStart: value.offset, valueEnd: nodeEnd(value), value },
    ];
  });
}

/** The whitespace that starts the line holding `at`. */
export function indentationAt(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, at))![0];
}

/** jsonc-parser's token kinds the scan needs (a const enum in its types: isolated modules cannot read it). */
const TOKEN = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  end: 17,
} as const satisfies Record<string, SyntaxKind>;

/**
 * Where the members of a JSON text's top-level object are, read from its tokens with a
 * count of depth: no tree and no recursion, so a file of somebody else's (a package.json)
 * nested a million levels deep under another key costs one pass. For text JSON.parse took.
 */
export function topLevelMembers(text: string): Omit<Member, "value">[] {
  const scanner = createScanner(text, true);
  const found: Omit<Member, "value">[] = [];
  let depth = 0;
  let key: { key: string; keyStart: number } | undefined;
  let valueStart = 0;
  for (let token: number = scanner.scan(); token !== TOKEN.end; token = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (token === TOKEN.openBrace || token === TOKEN.openBracket) {
      if (depth === 1 && key) valueStart = offset;
      depth++;
    } else if (token === TOKEN.closeBrace || token === TOKEN.closeBracket) {
      depth--;
      if (depth === 1 && key) {
        found.push({ ...key, valueStart, valueEnd: offset + scanner.getTokenLength() });
        key = undefined;
      }
    } else if (depth === 1 && token !== TOKEN.colon && token !== TOKEN.comma) {
      if (key === undefined) key = { key: scanner.getTokenValue(), keyStart: offset };
      else {
        found.push({ ...key, valueStart: offset, valueEnd: offset + scanner.getTokenLength() });
        key = undefined;
      }
    }
  }
  return found;
}
