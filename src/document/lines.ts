// The lines of a stream (JSONL files, stdin), split as bytes so that each line is
// checked on its own: a line past the limit is skipped without being held in memory,
// a line that is not UTF-8 is an error of that line only, a BOM before the first line
// and a CR before each newline are dropped.
import { say, type Text } from "../errors.js";
import { formatBytes } from "../util/format.js";
import { LIMITS } from "./limits.js";
import { encodingProblem, hasBom } from "./text.js";

export type Line =
  { number: number; text: string; problem?: undefined } | { number: number; text?: undefined; problem: Text };

export async function* readLines(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  limit: number = LIMITS.lineBytes,
): AsyncGenerator<Line> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let tooLong = false;
  let number = 0;
  const finish = (last: Buffer | undefined): Line => {
    number++;
    if (tooLong) {
      tooLong = false;
      pending = [];
      pendingLength = 0;
      return { number, problem: say((t) => t.document.lineTooLong(formatBytes(limit))) };
    }
    let bytes = last ?? Buffer.alloc(0);
    if (pending.length > 0) bytes = Buffer.concat([...pending, bytes]);
    pending = [];
    pendingLength = 0;
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    if (number === 1 && hasBom(bytes)) bytes = bytes.subarray(3);
    const problem = encodingProblem(bytes, { oneLine: true });
    return problem ? { number, problem } : { number, text: bytes.toString("utf8") };
  };
  const hold = (bytes: Buffer) => {
    if (tooLong || bytes.length === 0) return;
    pendingLength += bytes.length;
    if (pendingLength > limit) {
      tooLong = true;
      pending = [];
      pendingLength = 0;
    } else {
      pending.push(bytes);
    }
  };
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
      if (pendingLength + (end - start) > limit) tooLong = true;
      yield finish(tooLong ? undefined : bytes.subarray(start, end));
      start = end + 1;
    }
    hold(bytes.subarray(start));
  }
  if (pendingLength > 0 || tooLong) yield finish(undefined);
}
