// `npm run test:integrations`: the integrations that need tools outside
// node_modules (Debian's pre-commit, installed when missing) and the network
// (pre-commit installs the hook's npm dependencies). Not part of `npm test`.
// The files are named *.itest.ts so that `npm test` (test/**/*.test.ts) leaves them out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/integrations/**/*.itest.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
