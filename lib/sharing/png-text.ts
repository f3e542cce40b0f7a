import { crc32 } from "node:zlib";

// Writes a UTF-8 text chunk (iTXt) into a PNG before its end: the share image carries, readable by
// machines and screen-reader tooling, the same words it shows (title, count, goal).

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

export function withPngText(png: Buffer, keyword: string, text: string): Buffer {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  const iend = png.length - 12; // the IEND chunk: length (0), "IEND", CRC
  if (png.toString("latin1", iend + 4, iend + 8) !== "IEND") throw new Error("PNG without IEND at its end");
  // keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text
  const data = Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(text, "utf8")]);
  return Buffer.concat([png.subarray(0, iend), chunk("iTXt", data), png.subarray(iend)]);
}

/** Reads the PNG's size and its iTXt texts (for tests and checks). */
export function readPng(png: Buffer): { width: number; height: number; texts: Record<string, string> } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  const texts: Record<string, string> = {};
  let width = 0;
  let height = 0;
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === "iTXt") {
      const end = data.indexOf(0);
      let cursor = end + 3; // past \0, compression flag and method
      cursor = data.indexOf(0, cursor) + 1; // language tag
      cursor = data.indexOf(0, cursor) + 1; // translated keyword
      texts[data.toString("latin1", 0, end)] = data.toString("utf8", cursor);
    }
    offset += 12 + length;
  }
  return { width, height, texts };
}
