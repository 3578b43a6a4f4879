/**
 * How many bytes a zip (a .docx) really inflates to, measured by inflating every entry and
 * counting, never trusting the sizes the archive declares: a 1.5 MB .docx that declared 4,000
 * bytes inflated to 1.5 GiB in the .docx reader (13 s of CPU, 1.86 GB of memory). Inflation
 * stops as soon as the count passes the limit, and nothing inflated is kept, so a zip bomb
 * costs at most `limit` bytes of inflating and a few chunks of memory.
 *
 * Entries are found as the .docx reader finds them (central directory → local header →
 * compressed data), so what is measured is what it would inflate; entries that overlap (the
 * same compressed bytes listed many times) are counted each time, as it would inflate each.
 */
import zlib from 'node:zlib';
import { UnreadableFile } from './unreadable';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const END_RECORD_SEARCH = 22 + 0xffff;
/** ZIP64 puts these in 16- and 32-bit fields; a Word report never needs it. */
const ZIP64_MARKER_16 = 0xffff;
const ZIP64_MARKER_32 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  method: number;
  data: Uint8Array;
}

export class ZipTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`inflates to more than ${limit} bytes`);
  }
}

/**
 * The total inflated size of the archive's entries, at most `limit`; throws ZipTooLarge as soon
 * as it would pass it, UnreadableFile when the archive is not a zip this reader can measure.
 */
export async function inflatedSize(bytes: Uint8Array, limit: number): Promise<number> {
  let total = 0;
  for (const entry of entries(bytes)) {
    const budget = limit - total;
    total += entry.method === STORED ? entry.data.byteLength : await inflatedLength(entry.data, budget);
    if (total > limit) throw new ZipTooLarge(limit);
  }
  return total;
}

function* entries(bytes: Uint8Array): Generator<Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) throw new UnreadableFile('不是 zip 压缩包（找不到中央目录）');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === ZIP64_MARKER_16 || offset === ZIP64_MARKER_32) throw new UnreadableFile('zip 压缩包使用 ZIP64 格式，Word 报告不需要，不予读取');
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new UnreadableFile('zip 压缩包已损坏（中央目录有误）');
    }
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const localOffset = view.getUint32(offset + 42, true);
    if (compressedSize === ZIP64_MARKER_32 || localOffset === ZIP64_MARKER_32) {
      throw new UnreadableFile('zip 压缩包使用 ZIP64 格式，Word 报告不需要，不予读取');
    }
    if (method !== STORED && method !== DEFLATED) throw new UnreadableFile(`zip 压缩包使用了不支持的压缩方法 ${method}`);
    yield { method, data: localData(view, bytes, localOffset, compressedSize) };
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

/** The compressed bytes of the entry whose local header is at `offset`. */
function localData(view: DataView, bytes: Uint8Array, offset: number, size: number): Uint8Array {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== LOCAL_FILE_HEADER) {
    throw new UnreadableFile('zip 压缩包已损坏（文件头有误）');
  }
  const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (start + size > view.byteLength) throw new UnreadableFile('zip 压缩包已损坏（数据不完整）');
  return bytes.subarray(start, start + size);
}

/** Inflates `data`, counting and dropping the output; stops once the count passes `budget`. */
function inflatedLength(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = zlib.createInflateRaw();
    let length = 0;
    inflater.on('data', (chunk: Buffer) => {
      length += chunk.byteLength;
      if (length > budget) {
        inflater.destroy();
        resolve(length);
      }
    });
    inflater.once('end', () => resolve(length));
    inflater.once('error', (error) => reject(new UnreadableFile(`zip 压缩包已损坏（无法解压：${error.message}）`)));
    inflater.end(data);
  });
}

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SEARCH);
  for (let offset = view.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}
