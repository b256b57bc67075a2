// Bytes to text: UTF-8 only (a UTF-8 byte-order mark is dropped), within a size limit.
// Text in another encoding is an error naming the file and the line, never turned
// silently into U+FFFD.
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { specialKind } from "../util/stat.js";
import { isUtf8 } from "node:buffer";
import type { Readable } from "node:stream";
import { say, textIn, UserError, type Text } from "../errors.js";
import { formatBytes } from "../util/format.js";

/** A problem with a whole input (its bytes, its size, its being empty), not with a field. */
export class SourceError extends UserError {
  constructor(
    readonly source: string,
    readonly reason: Text,
  ) {
    super((lang) => `${source}: ${textIn(reason, lang)}`);
    this.name = "SourceError";
  }

  static tooLarge(source: string, size: number, limit: number): SourceError {
    return new SourceError(
      source,
      say((t) => t.document.tooLarge(formatBytes(size), formatBytes(limit))),
    );
  }
}

/** Whether `bytes` begin with UTF-8's byte order mark (which decodeText drops, and a rewrite of the file keeps). */
export const hasBom = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/** `bytes` as UTF-8 text without a BOM, or a SourceError naming `source`. */
export function decodeText(bytes: Uint8Array, source: string): string {
  const problem = encodingProblem(bytes);
  if (problem) throw new SourceError(source, problem);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString("utf8", hasBom(bytes) ? 3 : 0);
}

/** What is wrong with the encoding of `bytes`, if anything (a JSONL line has no line of its own to name). */
export function encodingProblem(bytes: Uint8Array, { oneLine = false } = {}): Text | undefined {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
    return say((t) => t.document.utf16);
  if (bytes.indexOf(0) !== -1) return say((t) => t.document.nulBytes);
  if (!isUtf8(bytes)) {
    if (oneLine) return say((t) => t.document.notUtf8Line);
    const line = lineOf(bytes, firstInvalidUtf8(bytes));
    return say((t) => t.document.notUtf8(line));
  }
  return undefined;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that does not belong to a UTF-8 sequence (error path only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i]!;
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte < 0xe0
          ? 2
          : byte >= 0xe0 && byte < 0xf0
            ? 3
            : byte >= 0xf0 && byte < 0xf5
              ? 4
              : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms are what isUtf8 also rejects.
    if (length === 3) {
      const code = ((byte & 0x0f) << 12) | ((bytes[i + 1]! & 0x3f) << 6) | (bytes[i + 2]! & 0x3f);
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return i;
    }
    if (length === 4) {
      const code = ((byte & 0x07) << 18) | ((bytes[i + 1]! & 0x3f) << 12) | ((bytes[i + 2]! & 0x3f) << 6);
      if (code < 0x10000 || code > 0x10ffff) return i;
    }
    i += length;
  }
  return bytes.length;
}

// Opened without blocking: opening a named pipe for reading waits for a writer, and a
// process stuck in open() never runs its Ctrl-C handler. O_NOCTTY: a terminal named as a
// file never becomes the controlling one. (Windows has neither flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * A regular file, opened for reading: the descriptor's own stat decides (so that a link
 * swapped between a check and the open changes nothing). A named pipe, a socket, a
 * device (/dev/zero, a terminal) or a directory is refused with what it is; one larger
 * than `limit` is refused before anything is read. The caller closes the descriptor.
 */
export function openRegularFile(
  shown: string,
  absolute: string,
  limit: number,
  /** whether the command takes - for stdin here: only then does the message offer it */
  stdinWorks = false,
): { fd: number; size: number } {
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_FLAGS);
  } catch (error) {
    throw new SourceError(shown, fileProblem(error));
  }
  try {
    const stats = fstatSync(fd);
    const kind = specialKind(stats);
    if (kind)
      throw new SourceError(
        shown,
        say((t) => t.document.notAFile(kind, stdinWorks)),
      );
    if (stats.size > limit) throw SourceError.tooLarge(shown, stats.size, limit);
    return { fd, size: stats.size };
  } catch (error) {
    closeSync(fd);
    if (error instanceof UserError) throw error;
    throw new SourceError(shown, fileProblem(error));
  }
}

/** A regular file's bytes, refused past `limit` before they are read. Messages name `shown`. */
export function readFileBytes(shown: string, absolute: string, limit: number, stdinWorks = false): Buffer {
  const { fd, size } = openRegularFile(shown, absolute, limit, stdinWorks);
  try {
    // Read to the end rather than trusting the size: a file may grow while it is read.
    const chunkSize = Math.min(limit + 1, Math.max(size + 1, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(chunkSize, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw SourceError.tooLarge(shown, total, limit);
      chunks.push(chunk.subarray(0, read));
    }
    return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new SourceError(shown, fileProblem(error));
  } finally {
    closeSync(fd);
  }
}

/** A stream's bytes (stdin), refused as soon as they pass `limit`. */
export async function readStreamBytes(shown: string, stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    total += bytes.length;
    if (total > limit) {
      stream.destroy();
      throw SourceError.tooLarge(shown, total, limit);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}

/** Why a file cannot be read, in words. */
export function fileProblem(error: unknown): Text {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return say((t) => t.document.noSuchFile);
  if (code === "EISDIR") return say((t) => t.document.isDirectory);
  if (code === "EACCES" || code === "EPERM") return say((t) => t.document.permissionDenied);
  const reason = code ?? (error as Error).message;
  return say((t) => t.document.cannotRead(reason));
}

/** The line (1-based) that an offset of a text is on. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at !== -1 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}
