/**
 * The uncompressed size a zip (a .docx) declares for its entries, read from its central
 * directory without inflating anything: a few KB of zip can declare gigabytes (a zip bomb),
 * and the .docx reader inflates whole entries in memory.
 */
import { UnreadableFile } from './unreadable';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_RECORD_SEARCH = 22 + 0xffff;
/** ZIP64 puts this in a 32-bit size field; such sizes exceed any limit we set. */
const ZIP64_MARKER = 0xffffffff;

export function declaredUncompressedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new UnreadableFile('不是 zip 压缩包（找不到中央目录）');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new UnreadableFile('zip 压缩包已损坏（中央目录有误）');
    }
    const size = view.getUint32(offset + 24, true);
    total += size === ZIP64_MARKER ? Number.POSITIVE_INFINITY : size;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return total;
}

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SEARCH);
  for (let offset = view.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}
