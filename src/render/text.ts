// Terminal text measures: CJK and fullwidth characters take two columns. Everything
// here is linear in the text, which may be a 1 MB scenario name.

const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a character takes: two for East Asian wide and fullwidth ones. */
export function charWidth(code: number): number {
  return (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
    ? 2
    : 1;
}

export function displayWidth(text: string): number {
  const plain = text.includes("\u001b") ? text.replace(ANSI, "") : text;
  let width = 0;
  for (let i = 0; i < plain.length; i++) {
    const code = plain.codePointAt(i)!;
    if (code > 0xffff) i++;
    width += charWidth(code);
  }
  return width;
}

/** Whether a character may be broken before (CJK text breaks anywhere). */
const breaksAnywhere = (code: number) => charWidth(code) === 2;

// Punctuation a line never starts with (closing) or ends with (opening), as CJK
// typography has it: "（国内）" breaks before "（", not before "）".
const CLOSING = new Set([..."）】》」』〕、，。：；！？…·〉"].map((char) => char.codePointAt(0)!));
const OPENING = new Set([..."（【《「『〔〈"].map((char) => char.codePointAt(0)!));

/**
 * The end and width of the token at `start` (not a space): one wide character, or a
 * run of other ones (a word); with the opening marks before it and the closing marks
 * after it, which a line never ends or starts with ("（国内）", "(体验版)", "AVChatRoom）").
 */
function token(text: string, start: number): { end: number; width: number } {
  let i = start;
  let width = 0;
  const at = () => text.codePointAt(i);
  const take = (code: number) => {
    i += code > 0xffff ? 2 : 1;
    width += charWidth(code);
  };
  for (let code = at(); code !== undefined && OPENING.has(code); code = at()) take(code);
  const first = at();
  if (first !== undefined && breaksAnywhere(first)) {
    take(first);
  } else {
    for (let code = at(); code !== undefined && code !== 32 && !breaksAnywhere(code); code = at()) take(code);
    // "(体验版)": an opening bracket stays with the wide character after it.
    const next = at();
    if (next !== undefined && breaksAnywhere(next) && !CLOSING.has(next) && /[([{“‘]$/.test(text.slice(start, i)))
      take(next);
  }
  for (let code = at(); code !== undefined && CLOSING.has(code); code = at()) take(code);
  return { end: i, width };
}

/**
 * Break text into lines of at most `width` columns: at spaces, or anywhere in CJK text
 * and in words too long for a line. With `maxLines`, the last line kept ends in "…"
 * when text is left over.
 */
export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
  const lines: string[] = [];
  const limit = Math.max(1, width);
  let line = "";
  let lineWidth = 0;
  const newLine = () => {
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = "";
    lineWidth = 0;
  };
  let i = 0;
  while (i < text.length) {
    // The next token: a run of spaces, or a word or one wide character with its marks.
    const start = i;
    const code = text.codePointAt(i)!;
    let tokenWidth = 0;
    if (code === 32) {
      while (text.charCodeAt(i) === 32) i++;
      if (lineWidth + (i - start) <= limit) {
        line += text.slice(start, i);
        lineWidth += i - start;
      } else newLine();
      continue;
    }
    ({ end: i, width: tokenWidth } = token(text, start));
    if (lineWidth + tokenWidth > limit) newLine();
    if (lines.length >= maxLines) {
      i = start;
      break;
    }
    if (tokenWidth <= limit) {
      line += text.slice(start, i);
      lineWidth += tokenWidth;
      continue;
    }
    // A word wider than a line (an id, a path): broken after a hyphen, dot, slash or
    // underscore where one falls in the line, else cut where the line ends.
    let at = start;
    let stopped = false;
    for (const piece of breakablePieces(text.slice(start, i))) {
      const pieceWidth = displayWidth(piece);
      if (lineWidth > 0 && lineWidth + pieceWidth > limit) {
        newLine();
        if (lines.length >= maxLines) {
          stopped = true;
          break;
        }
      }
      if (pieceWidth <= limit - lineWidth) {
        line += piece;
        lineWidth += pieceWidth;
        at += piece.length;
        continue;
      }
      for (let k = 0; k < piece.length;) {
        const cp = piece.codePointAt(k)!;
        const w = charWidth(cp);
        if (lineWidth + w > limit) {
          newLine();
          if (lines.length >= maxLines) {
            stopped = true;
            break;
          }
        }
        const size = cp > 0xffff ? 2 : 1;
        line += piece.slice(k, k + size);
        lineWidth += w;
        k += size;
        at += size;
      }
      if (stopped) break;
    }
    if (stopped) {
      i = at;
      break;
    }
  }
  if (lines.length < maxLines) newLine();
  if (lines.length === 0) lines.push("");
  if (i < text.length || line.trim() !== "") lines[lines.length - 1] = ellipsis(lines.at(-1)!, limit);
  return lines;
}

/**
 * A long word in the pieces a line may end after: "tencent-im-" "cn-2020",
 * "editions." "pro.", "https://" "example.com/". Never inside a number or a date
 * ("1,000.00", "2024-01-01"): a hyphen, dot or underscore breaks only after a letter,
 * a dot only before a non-digit, a slash anywhere.
 */
function breakablePieces(word: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  for (let k = 0; k < word.length - 1; k++) {
    const c = word[k]!;
    const after = /[A-Za-z]/.test(word[k - 1] ?? "");
    const breaks = c === "/" || (after && (c === "-" || c === "_" || (c === "." && !/\d/.test(word[k + 1]!))));
    if (breaks && word[k + 1] !== "/") {
      pieces.push(word.slice(from, k + 1));
      from = k + 1;
    }
  }
  pieces.push(word.slice(from));
  return pieces;
}

/** `text` cut to `width` columns, ending in "…" (which is added even when it fits). */
export function ellipsis(text: string, width: number): string {
  let out = "";
  let used = 0;
  for (let i = 0; i < text.length;) {
    const code = text.codePointAt(i)!;
    const w = charWidth(code);
    if (used + w > width - 1) break;
    const size = code > 0xffff ? 2 : 1;
    out += text.slice(i, i + size);
    used += w;
    i += size;
  }
  return `${out.trimEnd()}…`;
}

/** `text` in at most `width` columns: as it is, or cut with "…". */
export function fitLine(text: string, width: number): string {
  // 2w + 2 code units hold at least w + 1 characters, so a longer text cannot fit:
  // measuring stops there (a name may be a megabyte).
  const head = text.length > width * 2 + 2 ? text.slice(0, width * 2 + 2) : text;
  if (head === text && displayWidth(text) <= width) return text;
  return ellipsis(head, width);
}

/** Text padded with spaces to `width` columns, on the left or the right. */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** The width of the widest run of text a line cannot break inside (a word; a CJK character breaks anywhere). */
export function longestWord(text: string): number {
  let widest = 0;
  for (const word of text.match(/[^\s\u2e80-\u9fff\uff00-\uffef]+/g) ?? [])
    widest = Math.max(widest, displayWidth(word));
  return Math.max(widest, /[\u2e80-\u9fff\uff00-\uffef]/.test(text) ? 2 : 0);
}
