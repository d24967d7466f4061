import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/bundle.setup.ts'],
    // End-to-end tests start Chromium; give them room on a 2-core CI machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
