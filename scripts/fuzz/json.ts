// JSON text of a fuzz value, however deep: JSON.stringify recurses and stops near 5,000
// levels here, and a fuzz case wants nesting far past what the tool accepts.

/** How much text a value may be written as: a subtree shared many times over is a value of exponential size. */
const MOST_CHARACTERS = 64 * 1024 * 1024;

/**
 * JSON.stringify when it can; otherwise the same value written compactly, without
 * recursion. A value too large to write (a shared subtree repeated past any string's
 * length) throws a RangeError, as JSON.stringify does.
 */
export function toJson(value: unknown, indent = 0): string {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    // Too deep for JSON.stringify's recursion, the one failure written out here; too long is too long.
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    return deepJson(value);
  }
}

function deepJson(value: unknown): string {
  const out: string[] = [];
  let written = 0;
  // Each entry is a value to write or a string already written (a bracket or a comma).
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (written > MOST_CHARACTERS) throw new RangeError("Invalid string length");
    if (typeof item === "symbol") {
      out.push(item.description ?? "");
      written += 2;
      continue;
    }
    if (item === null || typeof item !== "object") {
      const text = JSON.stringify(item) ?? "null";
      out.push(text);
      written += text.length;
      continue;
    }
    const isArray = Array.isArray(item);
    const record = item as Record<string, unknown>;
    const entries: unknown[] = isArray ? (item as unknown[]) : Object.keys(item);
    const parts: unknown[] = [Symbol(isArray ? "]" : "}")];
    for (let i = entries.length - 1; i >= 0; i--) {
      parts.push(isArray ? entries[i] : record[entries[i] as string]);
      if (!isArray) parts.push(Symbol(`${JSON.stringify(entries[i])}:`));
      if (i > 0) parts.push(Symbol(","));
    }
    parts.push(Symbol(isArray ? "[" : "{"));
    for (const part of parts) stack.push(part);
  }
  return out.join("");
}
