// Where the parts of a JSON text are, as offsets, for edits that change one value and
// leave every other byte as it was (`check --update`), and for reading one key of
// somebody else's file strictly (a package.json). jsonc-parser's tree, for text that
// parseJson accepted: no validation here.
import { parseTree, type Node } from "jsonc-parser";

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
