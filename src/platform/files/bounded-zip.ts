// Reading the parts of an uploaded ZIP package (DOCX, XLSX, OFD) without trusting it. The sizes
// in a ZIP's headers are claims: a 1.3 MB DOCX that declares 1 KB can inflate to 1.3 GB. So every
// part is inflated as a stream and the REAL output bytes are counted against hard limits (per
// part, in total, and against the compressed size), the directory's entry count is capped, and
// archives inside the archive are never opened. Parts that carry a DTD are refused: neither
// OOXML (ECMA-376 Part 2, §8.1.4) nor OFD use one, and a DTD is how entity expansion
// ("billion laughs") and external entities get in. yauzl also refuses entry names that climb
// out of the archive ("../", absolute paths) and sizes that disagree with the data.
import yauzl, { type Entry, type ZipFile } from 'yauzl';

export interface ZipLimits {
  /** Entries in the central directory (a directory of millions is itself an attack). */
  readonly maxEntries: number;
  /** Inflated bytes of one part that is read. */
  readonly maxEntryBytes: number;
  /** Inflated bytes of all parts read from one package. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed size of a part, checked once it passes `ratioFloorBytes`
   *  (XML compresses 5–20×, rarely 100×; DEFLATE's ceiling, and a bomb's, is ~1,000×). */
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 10_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 96 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
});

export type ZipRefusal = 'entries' | 'entry_bytes' | 'total_bytes' | 'ratio' | 'dtd' | 'corrupt';

/** A package refused for what it is, not a reading accident; the message names the limit. */
export class ZipLimitError extends Error {
  constructor(
    readonly refusal: ZipRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'ZipLimitError';
  }
}

const DTD_MARKERS = [Buffer.from('<!DOCTYPE'), Buffer.from('<!DOCTYPE', 'utf16le'), Buffer.from('<!ENTITY')];

/** True when the XML part declares a DTD (where entities come from). */
export function hasDtd(xml: Buffer): boolean {
  return DTD_MARKERS.some((marker) => xml.includes(marker));
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function inflate(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
  limits: ZipLimits,
  keep = true,
): Promise<Buffer> {
  // The declared sizes are checked first only because it is cheap; the counts below are what holds.
  if (entry.uncompressedSize > limits.maxEntryBytes)
    return Promise.reject(
      new ZipLimitError('entry_bytes', `${entry.fileName} declares more than ${limits.maxEntryBytes} bytes`),
    );
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      const chunks: Buffer[] = [];
      let size = 0;
      const stop = (error: Error) => {
        stream.destroy();
        reject(error);
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        budget.left -= chunk.length;
        if (size > limits.maxEntryBytes)
          return stop(
            new ZipLimitError('entry_bytes', `${entry.fileName} inflates past ${limits.maxEntryBytes} bytes`),
          );
        if (budget.left < 0)
          return stop(new ZipLimitError('total_bytes', `the package inflates past ${limits.maxTotalBytes} bytes`));
        if (size > limits.ratioFloorBytes && size / Math.max(1, entry.compressedSize) > limits.maxRatio)
          return stop(new ZipLimitError('ratio', `${entry.fileName} inflates more than ${limits.maxRatio} times`));
        // Counting only (checkZip): the bytes pass through, a DTD is still looked for.
        if (keep) chunks.push(chunk);
        else if (hasDtd(chunk))
          stop(new ZipLimitError('dtd', `${entry.fileName} declares a DTD (entities are not allowed)`));
      });
      stream.on('error', (e: Error) => reject(e));
      stream.on('end', () => resolve(Buffer.concat(chunks, size)));
    });
  });
}

/** The names of a package's entries, from its directory (nothing is inflated). */
export async function zipNames(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<string[]> {
  return [...(await readZip(bytes, () => false, limits)).names];
}

export interface ZipParts {
  readonly names: readonly string[];
  /** The selected parts, inflated, by name. */
  readonly parts: ReadonlyMap<string, Buffer>;
}

/** Inflates the entries `select` picks, within the limits; throws ZipLimitError (or yauzl's
 *  own error for a corrupt archive) instead of ever holding more than the limits allow. Nested
 *  archives are returned as bytes at most, never opened. */
export async function readZip(
  bytes: Uint8Array,
  select: (name: string) => boolean,
  limits: ZipLimits = ZIP_LIMITS,
  options: { xml?: boolean; keep?: boolean } = {},
): Promise<ZipParts> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxEntries)
      throw new ZipLimitError('entries', `${zip.entryCount} entries (at most ${limits.maxEntries})`);
    const names: string[] = [];
    const parts = new Map<string, Buffer>();
    const budget = { left: limits.maxTotalBytes };
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      if (entry.fileName.endsWith('/') || !select(entry.fileName)) continue;
      const data = await inflate(zip, entry, budget, limits, options.keep !== false);
      if (options.keep === false) continue;
      if (options.xml !== false && hasDtd(data))
        throw new ZipLimitError('dtd', `${entry.fileName} declares a DTD (entities are not allowed)`);
      parts.set(entry.fileName, data);
    }
    return { names, parts };
  } finally {
    zip.close();
  }
}

/** The XML parts of an Office or OFD package (pictures and embedded objects aside). */
export const isPackageXml = (name: string): boolean =>
  /\.(xml|rels)$/i.test(name) && !/^(xl|word|ppt)\/(media|embeddings)\//.test(name);

/** Inflates the selected parts only to count them, keeping nothing: for code that must hand the
 *  original bytes to a library which inflates them again on its own (exceljs, JSZip). Throws as
 *  readZip does. A DTD split across two chunks is not seen here: such callers' parsers must not
 *  expand entities themselves (exceljs and our regex readers do not). */
export async function checkZip(
  bytes: Uint8Array,
  select: (name: string) => boolean = isPackageXml,
  limits: ZipLimits = ZIP_LIMITS,
): Promise<void> {
  await readZip(bytes, select, limits, { keep: false });
}
