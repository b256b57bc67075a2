// User strings (names, ids, keys, file names) may hold control characters: sent raw to
// a terminal, "\u001b[2J" clears the screen. Shown escaped instead, as JSON would.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

const escape = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Text safe for a terminal: control characters (but tabs and newlines) escaped as \u001b. */
export const printable = (text: string): string => text.replace(CONTROL, escape);

/** The same for one line of a table cell: newlines and tabs escaped too. */
export const printableLine = (text: string): string => printable(text).replace(/[\n\t]/g, escape);
