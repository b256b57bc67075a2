// A parsed value checked against the limits, iteratively: depth, list and object sizes,
// the values of a whole file (YAML aliases expanded: a "billion laughs" file stops at
// the limit), cycles through aliases, "__proto__" keys, and anything that is not a
// plain object, list, string, number, boolean or null (a YAML !!omap, !!set…).
import type { JsonObject } from "../util/json.js";
import { say, type Text } from "../errors.js";
import { LIMITS } from "./limits.js";
import { documentError, limitMessage, type Path } from "./problem.js";

/** A value with a YAML tag that no scenario or catalog field can hold; the tree check rejects it. */
export class UnsupportedTag {
  constructor(readonly tag: string) {}
}

/** Counts values across the documents of one file. */
export interface ValueBudget {
  values: number;
}

interface Frame {
  value: unknown;
  /** where the value is: its parent's frame and its key there (paths are made on errors only) */
  parent: Frame | undefined;
  key: string | number | undefined;
  depth: number;
  /** set when the frame's children have been pushed: leaving the frame ends its scope */
  leave?: boolean;
}

function pathOf(frame: Frame | undefined): Path {
  const path: (string | number)[] = [];
  for (let at = frame; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

export function checkTree(
  root: unknown,
  source: string,
  options: { rootItems?: number; budget?: ValueBudget } = {},
): void {
  const budget = options.budget ?? { values: 0 };
  const open = new Set<object>();
  const stack: Frame[] = [{ value: root, parent: undefined, key: undefined, depth: 0 }];
  const fail = (frame: Frame | undefined, message: Text): never => {
    throw documentError(source, pathOf(frame), message);
  };
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value, depth } = frame;
    if (frame.leave) {
      open.delete(value as object);
      continue;
    }
    if (++budget.values > LIMITS.values) fail(undefined, limitMessage.values);
    if (value === null || typeof value !== "object") {
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null)
        continue;
      fail(
        frame,
        say((t) => t.document.notAValue(typeof value)),
      );
    }
    if (value instanceof UnsupportedTag)
      fail(
        frame,
        say((t) => t.document.yamlTag(shortTag(value.tag))),
      );
    const object = value as object;
    if (open.has(object))
      fail(
        frame,
        say((t) => t.document.cyclicAlias),
      );
    if (depth >= LIMITS.depth) fail(frame, limitMessage.depth);
    if (Array.isArray(object)) {
      const limit = depth === 0 && options.rootItems !== undefined ? options.rootItems : LIMITS.items;
      if (object.length > limit) fail(frame, limitMessage.items(limit));
      open.add(object);
      stack.push({ ...frame, leave: true });
      for (let index = object.length - 1; index >= 0; index--)
        stack.push({ value: object[index], parent: frame, key: index, depth: depth + 1 });
      continue;
    }
    const prototype = Object.getPrototypeOf(object) as unknown;
    if (prototype !== Object.prototype && prototype !== null)
      fail(
        frame,
        say((t) => t.document.notAValue("object")),
      );
    const keys = Object.keys(object);
    if (keys.length > LIMITS.items) fail(frame, limitMessage.keys);
    open.add(object);
    stack.push({ ...frame, leave: true });
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index]!;
      const child: Frame = { value: (object as JsonObject)[key], parent: frame, key, depth: depth + 1 };
      if (key === "__proto__") fail(child, limitMessage.proto);
      stack.push(child);
    }
  }
}

/** "tag:yaml.org,2002:omap" → "!!omap", as it was written. */
const shortTag = (tag: string) =>
  tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
