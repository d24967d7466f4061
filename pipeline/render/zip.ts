// Zip archives: the PowerPoint's 100-odd parts and the Word document's 20, written here with Node's own zlib (its
// native deflate takes a few milliseconds where one in JavaScript took a tenth of a second, on the critical path of a
// cold pack), read with fflate. Every entry carries the one date given, so the same parts make the same bytes on
// every machine.
import { deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Parts already compressed (pictures) are stored as they are: deflating them again only costs time. */
const COMPRESSED = /\.(?:png|jpe?g|gif|webp|mp4|zip)$/i;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive of the entries, in their order (no zip64: a pack's parts are far below 4 GB). */
export function zipOf(entries: ZipEntry[], date: Date): Buffer {
  // The date in MS-DOS fields, read as UTC's by every reader that reads them as local time's (so Tokyo writes what
  // London does).
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const deflate = data.length > 0 && !COMPRESSED.test(name);
    const stored = deflate ? deflateRawSync(data, { level: 6 }) : data;
    const fileName = Buffer.from(name, 'utf8');
    // The fields the local header and the central directory share, from "version needed" to the extra field's length
    // (none).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(0x0800, 2); // names in UTF-8
    common.writeUInt16LE(deflate ? 8 : 0, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc32(data), 10);
    common.writeUInt32LE(stored.length, 14);
    common.writeUInt32LE(data.length, 18);
    common.writeUInt16LE(fileName.length, 22);
    const local = Buffer.concat([signature(0x04034b50), common, fileName, stored]);
    const central = Buffer.alloc(46);
    signature(0x02014b50).copy(central, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, version 2.0
    common.copy(central, 6);
    central.writeUInt32LE(name.endsWith('/') ? 0x10 : 0, 38); // a folder's attribute
    central.writeUInt32LE(offset, 42);
    centrals.push(central, fileName);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  signature(0x06054b50).copy(end, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const signature = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
};

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
