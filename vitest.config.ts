import { defineConfig } from 'vitest/config';

// Tests run in forked processes: native modules (better-sqlite3, onnxruntime, llama.cpp) and
// child-process tests behave as they do in the app.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results.json' }]] : ['default'],
  },
});
