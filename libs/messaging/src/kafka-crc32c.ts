import { createRequire, Module } from 'node:module';
import { kafkajsInternal, kafkajsModuleLoaded } from './kafkajs-internals.js';

const require = createRequire(import.meta.url);

type Crc32c = (buffer: Buffer) => number;

/** `@node-rs/crc32`, called through its module object so that a test can watch it. */
export const nativeCrc = require('@node-rs/crc32') as { crc32c(input: Uint8Array, initialState?: number): number };

const CRC_MODULE = 'src/protocol/recordBatch/crc32C/index.js';
const BATCH_MODULE = 'src/protocol/recordBatch/v0/index.js';

/** kafkajs's JavaScript CRC-32C (the file its CRC module wraps), kept for comparison. */
const kafkajsCrc = kafkajsInternal<Crc32c>('src/protocol/recordBatch/crc32C/crc32C.js');
const native: Crc32c = (buffer) => nativeCrc.crc32c(buffer);
let current: Crc32c | undefined = kafkajsCrc && native;

/**
 * kafkajs checks each record batch it produces with a CRC-32C computed in JavaScript, a byte at a time. Signing's
 * batches of signed documents (37 KB a record) went through it at 56 MB/s: 0.67 ms a record, a tenth of signing's
 * time. `@node-rs/crc32` gives the same checksum with the processor's CRC instruction (5.7 GB/s here). kafkajs's
 * record batch takes its checksum function once, when it is first loaded: this module must be imported before the
 * first produce request is built, as `kafka-publisher.ts` does. `kafkajs` puts kafkajs's own back (for tests).
 */
export function useKafkaCrc32c(which: 'native' | 'kafkajs' = 'native'): void {
  if (kafkajsCrc) current = which === 'native' ? native : kafkajsCrc;
}

/**
 * kafkajs's CRC module is put in the module cache before anything loads it, never loaded itself: with telemetry on,
 * require-in-the-middle keeps the exports of each kafkajs file it has seen, and would go on handing out kafkajs's own
 * function after a replacement.
 */
function install(): void {
  if (!kafkajsCrc) return;
  const filename = require.resolve(`kafkajs/${CRC_MODULE}`);
  if (kafkajsModuleLoaded(BATCH_MODULE) || filename in require.cache) {
    process.emitWarning(`kafkajs's record batch was loaded before ${CRC_MODULE} could be replaced; its CRC-32C stays in JavaScript`);
    return;
  }
  const replacement = new Module(filename);
  replacement.filename = filename;
  replacement.exports = (buffer: Buffer) => current!(buffer);
  replacement.loaded = true;
  require.cache[filename] = replacement;
}

install();
