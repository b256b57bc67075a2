// Where the parts of a valid JSON text are, as offsets, for edits that change one value
// and leave every other byte as it was (`check --update`). Only for text that
// parseJson accepted: no validation here, no recursion.

export interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  /** just after the value */
  valueEnd: number;
}

const isSpace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

export function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Just after the string that opens at `at`. */
function stringEnd(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 34) return i + 1;
  }
  return text.length;
}

/** Just after the value that starts at `at`. */
export function valueEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 34) return stringEnd(text, at);
  if (first !== 123 && first !== 91) {
    let i = at;
    while (i < text.length && !",}] \t\r\n".includes(text[i]!)) i++;
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) i = stringEnd(text, i) - 1;
    else if (code === 123 || code === 91) depth++;
    else if ((code === 125 || code === 93) && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The members of the object whose "{" is at `at`, and the offset of its "}". */
export function objectMembers(text: string, at: number): { members: Member[]; close: number } {
  const members: Member[] = [];
  let i = skipSpace(text, at + 1);
  while (text.charCodeAt(i) === 34) {
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    const end = valueEnd(text, valueStart);
    members.push({ key, keyStart: i, valueStart, valueEnd: end });
    i = skipSpace(text, end);
    if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
  }
  return { members, close: i };
}

/** The start offsets of the items of the array whose "[" is at `at`. */
export function arrayItems(text: string, at: number): number[] {
  const items: number[] = [];
  let i = skipSpace(text, at + 1);
  while (i < text.length && text.charCodeAt(i) !== 93) {
    items.push(i);
    i = skipSpace(text, valueEnd(text, i));
    if (text.charCodeAt(i) === 44) i = skipSpace(text, i + 1);
  }
  return items;
}

/** The whitespace that starts the line holding `at`. */
export function indentationAt(text: string, at: number): string {
  const start = text.lastIndexOf("\n", at - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, at))![0];
}
