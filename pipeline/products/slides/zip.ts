// A zip archive written in one pass with Node's own zlib: the PowerPoint's 100-odd parts. JSZip deflates through pako,
// which sets up some 400 kB of tables for every entry, however small: ~0.25 s of the build's single thread per deck.
// Every entry carries the one date given, so the same parts make the same bytes.
import { deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
}

export function zipOf(entries: ZipEntry[], date: Date): Buffer {
  const [time, day] = dosDateTime(date);
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const path = Buffer.from(name, 'utf8');
    const deflated = deflateRawSync(data, { level: 6 });
    const stored = deflated.length >= data.length; // tiny or incompressible parts are kept as they are
    const body = stored ? data : deflated;
    const crc = crc32(data);
    // Bit 11: the name is UTF-8 (only set when it needs to be, as zip tools do).
    const flags = path.length === name.length ? 0 : 0x0800;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(stored ? 0 : 8, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(day, 12);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(body.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(path.length, 26);
    local.push(header, path, body);
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4); // made by: 2.0
    header.copy(record, 6, 4, 30); // needed, flags, method, time, date, crc, sizes, name length
    record.writeUInt32LE(offset, 42);
    central.push(record, path);
    offset += header.length + path.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** MS-DOS time and date fields, from the date's UTC clock (a zip has no time zone: every machine writes the same). */
function dosDateTime(date: Date): [number, number] {
  const year = Math.max(1980, date.getUTCFullYear());
  return [
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  ];
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
