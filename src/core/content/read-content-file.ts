import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './types.js';

/** Larger than any real profile or tips file by far. */
export const MAX_CONTENT_FILE_BYTES = 1024 * 1024;

/**
 * Reads one content file, refusing what is not a regular file inside the
 * content folder: a symlink leaving the folder (or dangling), a directory,
 * FIFO, socket or device named like a content file, a file over 1 MB. Never
 * throws and never blocks: a FIFO is opened non-blocking and refused.
 */
export function readContentFile(
  root: string,
  file: string,
): { ok: true; text: string } | { ok: false; problem: ContentProblem } {
  const refuse = (message: string) => ({ ok: false as const, problem: { file, line: 1, message } });
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return refuse(lstatSafe(file)?.isSymbolicLink() ? 'dangling symlink: its target does not exist' : 'cannot be read');
  }
  let inside: string;
  try {
    inside = realpathSync(root);
  } catch {
    return refuse('the content folder cannot be resolved');
  }
  if (real !== inside && !real.startsWith(inside + path.sep))
    return refuse(`symlink leaves the content folder (to ${real})`);
  let fd: number | undefined;
  try {
    // Kind first: opening a socket fails and a FIFO would wait for a writer.
    const kind = statSync(real);
    if (!kind.isFile()) return refuse(`not a regular file (${kindOf(kind)})`);
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return refuse(`not a regular file (${kindOf(st)})`);
    if (st.size > MAX_CONTENT_FILE_BYTES)
      return refuse(`file is ${st.size} bytes; content files may be at most ${MAX_CONTENT_FILE_BYTES} bytes`);
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, buf, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, text: buf.subarray(0, at).toString('utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return refuse(
      code === 'EISDIR' ? 'not a regular file (a directory)' : `cannot be read (${code ?? (err as Error).message})`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function lstatSafe(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

function kindOf(st: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a file';
}
