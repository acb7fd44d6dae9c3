import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@edu\/([a-z-]+)$/, replacement: `${root}libs/$1/src/index.ts` },
      // A library's subpath export, e.g. @edu/pdf/inspect, is its module of that name.
      { find: /^@edu\/([a-z-]+)\/([a-z-]+)$/, replacement: `${root}libs/$1/src/$2.ts` },
    ],
  },
  test: {
    include: ['apps/**/*.spec.ts', 'libs/**/*.spec.ts', 'test/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
