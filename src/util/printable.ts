// User strings (names, ids, keys, file names, arguments) may hold characters a terminal
// acts on or that lie about what is shown: "\u001b[2J" clears the screen, U+202E turns
// the rest of a line around, a zero-width space hides in a name. Shown escaped instead,
// as JSON would write them.
// C0 and C1 controls (but tab and newline), line and paragraph separators, BiDi marks,
// embeddings, overrides and isolates, zero-width characters, the soft hyphen and the
// interlinear annotation marks. A zero-width joiner inside an emoji sequence (👩‍💻, 👨‍👩‍👧) is
// part of what is shown and stays; anywhere else it hides.
/* eslint-disable no-control-regex, no-misleading-character-class -- the characters that hide or act are what it finds */
const HIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|(?<!\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}\ufe0f]?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/**
 * Every character HIDDEN can match, in one class without Unicode properties: text without
 * any (nearly all) is returned as it is, without HIDDEN's lookarounds, which cost V8 a
 * tenth of a millisecond to compile and several times this one's time to run.
 */
const MAYBE_HIDDEN =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** A character as JSON escapes it: \u001b. */
export const escapeChar = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text safe for a terminal: controls, BiDi and zero-width characters (but tabs and newlines) escaped as \u001b. */
export const printable = (text: string): string => (MAYBE_HIDDEN.test(text) ? text.replace(HIDDEN, escapeChar) : text);

/** The same for one line of a table cell: newlines and tabs escaped too. */
export const printableLine = (text: string): string => printable(text).replace(/[\n\t]/g, escapeChar);
