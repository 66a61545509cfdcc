// The pipeline fixtures named monorepo-<service> are the bundled example
// services: keep them identical so the README's first command shows what the
// fixtures assert.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '..');
const SERVICES = path.join(ROOT, 'examples', 'monorepo', 'services');

describe('examples/monorepo', () => {
  for (const service of readdirSync(SERVICES).sort()) {
    it(`${service} is the input of __fixtures__/pipeline/monorepo-${service}`, () => {
      const fixture = path.join(ROOT, '__fixtures__', 'pipeline', `monorepo-${service}`);
      expect(readFileSync(path.join(fixture, 'input.Dockerfile'), 'latin1')).toBe(
        readFileSync(path.join(SERVICES, service, 'Dockerfile'), 'latin1'),
      );
      const goMod = path.join(SERVICES, service, 'go.mod');
      if (existsSync(goMod)) expect(readFileSync(path.join(fixture, 'go.mod'), 'utf8')).toBe(readFileSync(goMod, 'utf8'));
    });
  }
});
