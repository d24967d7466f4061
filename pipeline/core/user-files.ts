// Files a user names (an essay, an image or a file an essay links to, the logo) are opened one way: only a regular
// file, inside the folder it must be in (a link that leads out is refused, whatever folder on the way is the link),
// and read with a cap, never whole. A device (/dev/zero), a FIFO, a folder or a file over its limit is refused before
// a byte is read, so a build can neither hang on it nor fill the memory with it.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { BriefingError } from './errors.ts';

/** Why a file may not be read, said of the file ("is a folder, not a file"): the caller names it. */
export class UserFileError extends BriefingError {
  constructor(message: string) {
    super('input', message);
  }
}

export interface UserFileOptions {
  /** The most bytes the file may hold. */
  maxBytes: number;
  /** The folder the file must be in, once every link on the way is followed (none: anywhere). */
  root?: string;
}

const megabytes = (bytes: number) =>
  Number.isInteger(bytes / 1048576) ? `${bytes / 1048576} MB` : `${(bytes / 1048576).toFixed(1)} MB`;

/** The file's real path, or why it may not be read: missing, or (followed through its links) outside `root`. */
export function realFile(file: string, root?: string): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    throw new UserFileError('does not exist');
  }
  if (root !== undefined) {
    const base = realpathSync(root);
    if (real !== base && !real.startsWith(base + path.sep))
      throw new UserFileError(`leads out of ${root} (through a link)`);
  }
  return real;
}

/** The bytes of a regular file, at most `maxBytes` of them; anything else is a UserFileError that says why. */
export function readUserFile(file: string, { maxBytes, root }: UserFileOptions): Buffer {
  const real = realFile(file, root);
  // Non-blocking: a FIFO that slipped in between the check and the open does not hang the open.
  const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new UserFileError('is a folder, not a file');
    if (!info.isFile()) throw new UserFileError('is not a regular file (a device, a FIFO or a socket)');
    if (info.size > maxBytes)
      throw new UserFileError(`is ${megabytes(info.size)}, over the ${megabytes(maxBytes)} limit`);
    // Read one byte past the limit: a file that grows while it is read is refused too.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) throw new UserFileError(`grew over the ${megabytes(maxBytes)} limit while it was read`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
