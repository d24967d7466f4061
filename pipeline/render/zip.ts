// Zip archives, read and written with fflate: the PowerPoint's 100-odd parts and the Word document's 20. fflate
// deflates in plain JavaScript without pako's per-entry tables (JSZip spent ~0.25 s of a deck's build there). Every
// entry carries the one date given, so the same parts make the same bytes on every machine.
import { unzipSync, type Zippable, zipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Parts already compressed (pictures) are stored as they are: deflating them again only costs time. */
const COMPRESSED = /\.(?:png|jpe?g|gif|webp|mp4|zip)$/i;

export function zipOf(entries: ZipEntry[], date: Date): Buffer {
  // fflate writes a zip's date from the local clock's fields; shifted by the zone's offset, they are UTC's, so a
  // machine in Tokyo writes what one in London does.
  const mtime = new Date(date.getTime() + date.getTimezoneOffset() * 60_000);
  const files: Zippable = {};
  for (const { name, data } of entries) files[name] = [data, { level: COMPRESSED.test(name) ? 0 : 6, mtime }];
  return Buffer.from(zipSync(files));
}

/** The parts of a zip archive, in their order, refusing one that would unpack to more than `maxBytes`. */
export function unzipOf(data: Uint8Array, maxBytes = 200 * 1024 * 1024): ZipEntry[] {
  let total = 0;
  const parts = unzipSync(data, {
    filter: (file) => {
      total += file.originalSize;
      if (total > maxBytes) throw new Error(`unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      return true;
    },
  });
  return Object.entries(parts).map(([name, bytes]) => ({ name, data: Buffer.from(bytes) }));
}
