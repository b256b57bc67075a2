// Terminal text measures, by what a terminal shows: a grapheme cluster (a letter with
// its accents, an emoji with its joiners) is one glyph, and takes the columns
// string-width gives it (two for CJK, fullwidth forms and emoji; none for a combining
// mark alone). Everything here is linear in the text, which may be a 1 MB name. Most
// text needs no segmenting: printable ASCII is a column a character, and text with
// nothing that joins characters into one glyph (marks, joiners, variation selectors,
// emoji, flags, Hangul jamo, controls) is a glyph a code point, as wide as its East
// Asian width ("¥1,000.00", "专业版"); a table of 100,000 rows measures mostly these.
import stringWidth from "string-width";
import { eastAsianWidth } from "get-east-asian-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SURROGATE = /[\ud800-\udfff]/;
/**
 * Blocks of the Basic Multilingual Plane whose code points never join another into one
 * glyph (no combining mark, joiner, variation selector or control among them): Latin,
 * Greek and Cyrillic letters, punctuation, currency, letterlike and math signs, arrows,
 * box drawing, shapes, dingbats (✓ ✗), CJK punctuation, kana, ideographs, Hangul
 * syllables, fullwidth forms. A lone code point of these is as wide as its East Asian
 * width says, exactly as string-width measures it (an emoji alone too). Checked by a
 * loop, not a pattern of Unicode properties, which costs a millisecond to build; text
 * with anything else (an accent, a joiner, an astral emoji) is measured by string-width,
 * loaded then (it builds its patterns as it loads: ~20 ms).
 */
// Pairs of the first and last code point of each block.
// prettier-ignore
const SIMPLE: readonly number[] = [
  0x0020, 0x007e,
  0x00a0, 0x00ac,
  0x00ae, 0x02ff,
  0x0370, 0x0482,
  0x048a, 0x052f,
  0x2010, 0x2027,
  0x2030, 0x205e,
  0x2070, 0x20cf,
  0x2100, 0x2bff,
  0x2e80, 0x2fdf,
  0x3000, 0x3029,
  0x3030, 0x303f,
  0x3041, 0x3096,
  0x309b, 0x30ff,
  0x3105, 0x312f,
  0x3131, 0x318e,
  0x3190, 0x4dbf,
  0x4e00, 0x9fff,
  0xa000, 0xa4cf,
  0xac00, 0xd7a3,
  0xf900, 0xfaff,
  0xfe10, 0xfe19,
  0xfe30, 0xfe4f,
  0xff01, 0xffee,
];

/** Whether a code unit is in a block of SIMPLE (an index loop: a table asks this of thousands of characters). */
function inSimpleBlock(code: number): boolean {
  for (let k = 0; k < SIMPLE.length; k += 2) {
    if (code < SIMPLE[k]!) return false;
    if (code <= SIMPLE[k + 1]!) return true;
  }
  return false;
}

/** East Asian ambiguous characters as narrow, as string-width has them: one options object, not one a call. */
const NARROW = { ambiguousAsWide: false };

/** The columns of a code point that is a glyph of its own: one below U+1100 (the first wide one), else its East Asian width. */
const columnsOf = (codePoint: number): number => (codePoint < 0x1100 ? 1 : eastAsianWidth(codePoint, NARROW));

/**
 * The width of a text whose every code point is a glyph of its own, or -1 for any other
 * text.
 */
function simpleWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x7e && code >= 0x20) width++;
    // An ideograph beyond the BMP (CJK extensions B–G) stands alone; any other astral code point may join.
    else if (code >= 0xd840 && code <= 0xd8bf) width += columnsOf(text.codePointAt(i++)!);
    else if (!inSimpleBlock(code)) return -1;
    else width += columnsOf(code);
  }
  return width;
}

/** Text whose every code point is a glyph of its own (no mark, joiner or selector to join them). */
const simple = (text: string): boolean => simpleWidth(text) !== -1;

/** The columns `text` takes on a terminal (ANSI styles take none). */
export function displayWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  const width = simpleWidth(text);
  return width === -1 ? stringWidth(text) : width;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * A text as the glyphs a terminal shows, each with its width, by index. Text whose every
 * code unit is a glyph of its own (ASCII, and simple text of the Basic Multilingual
 * Plane: "¥1,000.00", "专业版") is read in place, each width looked up when asked: a
 * table measures every cell, and arrays of its characters were most of what it allocated.
 */
class Glyphs {
  readonly length: number;
  /** the text, when each code unit is a glyph */
  readonly #units: string | undefined;
  /** each code unit one column */
  readonly #ascii: boolean = false;
  readonly #parts: string[] = [];
  readonly #widths: number[] = [];

  constructor(text: string) {
    if (PRINTABLE_ASCII.test(text)) {
      this.#units = text;
      this.#ascii = true;
    } else if (simple(text)) {
      // An ideograph beyond the BMP is two code units: that text is split by code point.
      if (!SURROGATE.test(text)) this.#units = text;
      else
        for (const char of text) {
          this.#parts.push(char);
          this.#widths.push(columnsOf(char.codePointAt(0)!));
        }
    } else {
      segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
      for (const { segment } of segmenter.segment(text)) {
        this.#parts.push(segment);
        this.#widths.push(segment === " " ? 1 : stringWidth(segment));
      }
    }
    this.length = this.#units?.length ?? this.#parts.length;
  }

  text(index: number): string {
    return this.#units !== undefined ? this.#units[index]! : this.#parts[index]!;
  }

  width(index: number): number {
    if (this.#units === undefined) return this.#widths[index]!;
    return this.#ascii ? 1 : columnsOf(this.#units.charCodeAt(index));
  }

  /** In ASCII text, where the first space at or after `start` is (else the end); undefined for any other text. */
  asciiSpaceFrom(start: number): number | undefined {
    if (!this.#ascii) return undefined;
    const space = this.#units!.indexOf(" ", start);
    return space === -1 ? this.length : space;
  }

  slice(start: number, end: number): string {
    return this.#units !== undefined ? this.#units.slice(start, end) : this.#parts.slice(start, end).join("");
  }
}

/** Whether a line may break before a glyph, as in CJK text (and around an emoji): a wide one. */
const wide = (glyphs: Glyphs, index: number) => glyphs.width(index) >= 2;

// Punctuation a line never starts with (closing) or ends with (opening), as CJK
// typography has it: "（国内）" breaks before "（", not before "）".
const CLOSING = new Set([..."）】》」』〕、，。：；！？…·〉"]);
const OPENING = new Set([..."（【《「『〔〈"]);
const BRACKETS = new Set([..."([{“‘"]);

/**
 * The end and width of the token at `start` (not a space): one wide glyph, or a run of
 * other ones (a word); with the opening marks before it and the closing marks after it,
 * which a line never ends or starts with ("（国内）", "(体验版)", "AVChatRoom）").
 */
function token(glyphs: Glyphs, start: number): { end: number; width: number } {
  // ASCII holds no wide glyph and no CJK mark: a word runs to the next space. Found by
  // indexOf, not glyph by glyph: the paragraphs under a table took 0.6 ms, now 0.13.
  const space = glyphs.asciiSpaceFrom(start);
  if (space !== undefined) return { end: space, width: space - start };
  let i = start;
  let width = 0;
  const take = () => {
    width += glyphs.width(i);
    i++;
  };
  while (i < glyphs.length && OPENING.has(glyphs.text(i))) take();
  if (i < glyphs.length && wide(glyphs, i)) take();
  else {
    while (i < glyphs.length && glyphs.text(i) !== " " && !wide(glyphs, i)) take();
    // "(体验版)": an opening bracket stays with the wide glyph after it.
    if (
      i < glyphs.length &&
      i > start &&
      wide(glyphs, i) &&
      !CLOSING.has(glyphs.text(i)) &&
      BRACKETS.has(glyphs.text(i - 1))
    )
      take();
  }
  while (i < glyphs.length && CLOSING.has(glyphs.text(i))) take();
  return { end: i, width };
}

/**
 * Break text into lines of at most `width` columns: at spaces, or anywhere in CJK text
 * and in words too long for a line. With `maxLines`, the last line kept ends in "…"
 * when text is left over.
 */
/**
 * A cell's text wrapped to `maxLines`, keeping what tells similar lines apart: a text cut
 * keeps its indent on every line, and a label with a tail after ": " (the tier of
 * "Message history retention: 180 days") keeps the tail whole on its last line.
 */
export function wrapCell(text: string, width: number, maxLines = Infinity): string[] {
  const indent = /^ */.exec(text)![0];
  if (indent.length > 0 && indent.length < width - 4)
    return wrapCell(text.slice(indent.length), width - indent.length, maxLines).map((line) => `${indent}${line}`);
  const whole = wrapText(text, width, Infinity);
  if (whole.length <= maxLines) return whole;
  const colon = text.lastIndexOf(": ");
  // Only a short tail, one that fits a line: a sentence after a colon is wrapped as any text.
  if (colon <= 0 || maxLines < 2 || displayWidth(text.slice(colon + 2)) > width) return wrapText(text, width, maxLines);
  return [...wrapText(text.slice(0, colon + 1), width, maxLines - 1), fitLine(text.slice(colon + 2), width)];
}

/**
 * A paragraph under a report, its lines after the first indented by two: each line,
 * the indent included, within the width.
 */
export const hangingText = (text: string, width: number): string => wrapText(text, width - 2).join("\n  ");

export function wrapText(text: string, width: number, maxLines = Infinity): string[] {
  const glyphs = new Glyphs(text);
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
  while (i < glyphs.length) {
    // The next token: a run of spaces, or a word or one wide glyph with its marks.
    const start = i;
    let tokenWidth = 0;
    if (glyphs.text(i) === " ") {
      while (i < glyphs.length && glyphs.text(i) === " ") i++;
      if (lineWidth + (i - start) <= limit) {
        line += glyphs.slice(start, i);
        lineWidth += i - start;
      } else newLine();
      continue;
    }
    ({ end: i, width: tokenWidth } = token(glyphs, start));
    if (lineWidth + tokenWidth > limit) newLine();
    if (lines.length >= maxLines) {
      i = start;
      break;
    }
    if (tokenWidth <= limit) {
      line += glyphs.slice(start, i);
      lineWidth += tokenWidth;
      continue;
    }
    // A word wider than a line (an id, a path): broken after a hyphen, dot, slash or
    // underscore where one falls in the line, else cut where the line ends.
    let at = start;
    let stopped = false;
    for (const piece of breakablePieces(glyphs.slice(start, i))) {
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
        at += new Glyphs(piece).length;
        continue;
      }
      const parts = new Glyphs(piece);
      for (let k = 0; k < parts.length; k++) {
        const w = parts.width(k);
        if (lineWidth + w > limit) {
          newLine();
          if (lines.length >= maxLines) {
            stopped = true;
            break;
          }
        }
        line += parts.text(k);
        lineWidth += w;
        at++;
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
  if (i < glyphs.length || line.trim() !== "") lines[lines.length - 1] = ellipsis(lines.at(-1)!, limit);
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
  const glyphs = new Glyphs(text);
  let used = 0;
  let end = 0;
  while (end < glyphs.length && used + glyphs.width(end) <= width - 1) used += glyphs.width(end++);
  return `${glyphs.slice(0, end).trimEnd()}…`;
}

/** `text` in at most `width` columns: as it is, or cut with "…". Measures no further than the line (a name may be a megabyte). */
export function fitLine(text: string, width: number): string {
  if (PRINTABLE_ASCII.test(text)) return text.length <= width ? text : `${text.slice(0, width - 1).trimEnd()}…`;
  // 2w + 2 code points of a simple text hold at least w + 1 columns: measuring stops there.
  if (simple(text.slice(0, width * 4 + 4))) {
    const head = text.length > width * 4 + 4 ? text.slice(0, width * 4 + 4) : text;
    if (head === text && displayWidth(text) <= width) return text;
    return ellipsis(head, width);
  }
  segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  let used = 0;
  // Where the text is cut if it does not fit: after the last glyph that leaves a column for "…".
  let cut = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    used += stringWidth(segment);
    if (used > width) return `${text.slice(0, cut).trimEnd()}…`;
    if (used <= width - 1) cut = index + segment.length;
  }
  return text;
}

/** Text padded with spaces to `width` columns, on the left or the right. */
export function pad(text: string, width: number, align: "left" | "right" = "left"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? fill + text : text + fill;
}

/** The width of the widest run of text a line cannot break inside (a word; a wide glyph breaks anywhere). */
export function longestWord(text: string): number {
  const glyphs = new Glyphs(text);
  let widest = 0;
  let run = 0;
  for (let i = 0; i < glyphs.length; i++) {
    if (wide(glyphs, i)) {
      widest = Math.max(widest, run, glyphs.width(i));
      run = 0;
    } else if (/\s/.test(glyphs.text(i))) {
      widest = Math.max(widest, run);
      run = 0;
    } else run += glyphs.width(i);
  }
  return Math.max(widest, run);
}
