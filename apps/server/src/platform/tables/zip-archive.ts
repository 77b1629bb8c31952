import yauzl from 'yauzl';
import { refuse, type TableLimits } from './table-limits.ts';

/** More entries than any workbook has: a central directory this long is not a spreadsheet. */
const MAX_ENTRIES = 10_000;

/**
 * A zip read entry by entry, straight from the stored buffer. The inflated bytes of every entry read are
 * counted as they come out, so a zip bomb whose header claims a small size is stopped at the budget.
 */
export interface ZipArchive {
  has(name: string): boolean;
  /** The entry's inflated bytes, chunk by chunk; refuses when the entry or the archive crosses its budget. */
  chunks(name: string): AsyncGenerator<Buffer>;
  close(): void;
}

export async function openZip(buffer: Buffer, limits: TableLimits): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    // Sizes are counted below: yauzl's own check would call a lying header «corrupt» instead of «too big».
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: false });
  } catch {
    throw refuse.unreadableXlsx();
  }
  if (zip.entryCount > MAX_ENTRIES) {
    zip.close();
    throw refuse.unreadableXlsx(`в архиве ${zip.entryCount} файлов`);
  }
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip);
  } catch {
    zip.close();
    throw refuse.unreadableXlsx();
  }
  let unpacked = 0;
  let closed = false;

  async function* chunks(name: string): AsyncGenerator<Buffer> {
    const entry = entries.get(name);
    if (!entry) throw refuse.unreadableXlsx(`нет части ${name}`);
    // The header's size is not checked first: a sheet too big as a whole is usually refused sooner, and
    // more helpfully, by its rows; and a header may lie.
    let stream: NodeJS.ReadableStream & { destroy(): void };
    try {
      stream = await zip.openReadStreamPromise(entry);
    } catch {
      throw refuse.unreadableXlsx();
    }
    let inEntry = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        inEntry += chunk.length;
        unpacked += chunk.length;
        if (inEntry > limits.maxEntryBytes || unpacked > limits.maxUnpackedBytes)
          throw refuse.unpackedTooLarge(limits);
        yield chunk;
      }
    } catch (e) {
      if ((e as { code?: string }).code?.startsWith('TABLE_')) throw e;
      throw refuse.unreadableXlsx();
    } finally {
      stream.destroy();
    }
  }

  return {
    has: (name) => entries.has(name),
    chunks,
    close() {
      if (closed) return;
      closed = true;
      zip.close();
    },
  };
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}
