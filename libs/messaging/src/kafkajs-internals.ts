import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The kafkajs release whose internals `kafka-request-queue.ts`, `kafka-encoder.ts` and `kafka-crc32c.ts` change, as their specs test. */
export const KAFKAJS_RELEASE_FIXED = '2.2.4';

export const kafkajsRelease = (): string => (require('kafkajs/package.json') as { version: string }).version;

/**
 * A module inside kafkajs (`src/...`), the one copy that kafkajs itself and `@nestjs/microservices` load. Another
 * release may have other internals: the fixes are then left out, with a warning, rather than applied blind.
 */
export function kafkajsInternal<T>(path: string): T | undefined {
  const release = kafkajsRelease();
  if (release === KAFKAJS_RELEASE_FIXED) return require(`kafkajs/${path}`) as T;
  process.emitWarning(`kafkajs ${release} is installed; ${path} is left as it is (its fix was written for ${KAFKAJS_RELEASE_FIXED})`);
  return undefined;
}

/** Whether kafkajs has already loaded one of its modules (`src/...`). */
export const kafkajsModuleLoaded = (path: string): boolean => require.resolve(`kafkajs/${path}`) in require.cache;
