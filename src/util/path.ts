/**
 * A field path as messages show it: `usage.peakDau`, `features.addons[2]`. A key that
 * would read as more than one (a dot, a bracket, a space, a control character) is
 * quoted: `expect.lines["overage.dau "]`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (PLAIN_KEY.test(String(key))) out += out === "" ? String(key) : `.${String(key)}`;
    else out += `[${JSON.stringify(String(key)).replace(/[\u007f-\u009f\u2028\u2029]/g, escapeChar)}]`;
  }
  return out;
}

// eslint-disable-next-line no-control-regex -- a key with a control character is quoted: that is what it finds
const PLAIN_KEY = /^[^\s.[\]"'\\\u0000-\u001f\u007f-\u009f\u2028\u2029]+$/u;
const escapeChar = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
