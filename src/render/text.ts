// Terminal text measures: CJK and fullwidth characters take two columns.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const ANSI = /\u001b\[[0-9;]*m/g;

export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(ANSI, "")) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** Break text into lines of at most `width` columns: at spaces, or anywhere in CJK text and in words too long for a line. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  // Words are runs of non-space Latin text or single wide characters.
  for (const token of text.match(/[^\s\u2e80-\u9fff\uff00-\uffef]+|[\u2e80-\u9fff\uff00-\uffef]|\s+/gu) ?? []) {
    const candidate = current + token;
    if (displayWidth(candidate) <= width) {
      current = candidate;
      continue;
    }
    if (current.trim() !== "") lines.push(current.trimEnd());
    current = /^\s+$/.test(token) ? "" : token;
    // A word wider than a line is cut where the line ends.
    while (displayWidth(current) > width) {
      let cut = 0;
      let used = 0;
      for (const char of current) {
        if (used + displayWidth(char) > width) break;
        used += displayWidth(char);
        cut += char.length;
      }
      lines.push(current.slice(0, cut));
      current = current.slice(cut);
    }
  }
  if (current.trim() !== "" || lines.length === 0) lines.push(current.trimEnd());
  return lines;
}

/**
 * Several table rows as one row of stacked cells, each cell wrapped to its column's
 * width and padded so the rows stay aligned: cli-table3 draws a rule between rows, and
 * a block of lines reads better without.
 */
export function stackRows(rows: readonly string[][], widths: readonly number[]): string[] {
  const columns = widths.map(() => [] as string[]);
  for (const row of rows) {
    const cells = widths.map((width, column) => wrapText(row[column] ?? "", width));
    const height = Math.max(...cells.map((cell) => cell.length));
    cells.forEach((cell, column) => columns[column]!.push(...cell, ...Array<string>(height - cell.length).fill("")));
  }
  return columns.map((lines) => lines.join("\n"));
}
