// Terminal text measures: CJK and fullwidth characters take two columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const ANSI = /\u001b\[[0-9;]*m/g;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Break text into lines of at most `width` columns: at spaces, or anywhere in CJK text. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  // Words are runs of non-space Latin text or single wide characters.
  for (const token of text.match(/[^\s\u2e80-\u9fff\uff00-\uffef]+|[\u2e80-\u9fff\uff00-\uffef]|\s+/gu) ?? []) {
    const candidate = current + token;
    if (displayWidth(candidate) <= width || current.trim() === "") {
      current = candidate;
    } else {
      lines.push(current.trimEnd());
      current = /^\s+$/.test(token) ? "" : token;
    }
  }
  if (current.trim() !== "" || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}
