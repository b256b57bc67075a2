// JSON text of a fuzz value, however deep: JSON.stringify recurses and stops near 5,000
// levels here, and a fuzz case wants nesting far past what the tool accepts.

/** JSON.stringify when it can; otherwise the same value written compactly, without recursion. */
export function toJson(value, indent = 0) {
  try {
    return JSON.stringify(value, null, indent);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return deepJson(value);
  }
}

function deepJson(value) {
  const out = [];
  // Each entry is a value to write or a string already written (a bracket or a comma).
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "symbol") {
      out.push(item.description);
      continue;
    }
    if (item === null || typeof item !== "object") {
      out.push(JSON.stringify(item) ?? "null");
      continue;
    }
    const isArray = Array.isArray(item);
    const entries = isArray ? item : Object.keys(item);
    const parts = [Symbol(isArray ? "]" : "}")];
    for (let i = entries.length - 1; i >= 0; i--) {
      parts.push(isArray ? entries[i] : item[entries[i]]);
      if (!isArray) parts.push(Symbol(`${JSON.stringify(entries[i])}:`));
      if (i > 0) parts.push(Symbol(","));
    }
    parts.push(Symbol(isArray ? "[" : "{"));
    for (const part of parts) stack.push(part);
  }
  return out.join("");
}
