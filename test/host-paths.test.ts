// The string fast paths for host paths give what node:path gives.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { childPath, relativeWithSlashes } from '../src/host-paths.js';

describe('host paths', () => {
  const pairs: [string, string][] = [
    ['/repo', '/repo'],
    ['/repo', '/repo/services/api'],
    ['/repo/', '/repo/services/api'],
    ['/', '/repo/go.mod'],
    ['/repo/services', '/repo'],
    ['/repo/services', '/repo/other/go.mod'],
    ['/repo/a', '/repo/ab/c'],
    ['/repo', '/repo/./a'],
    ['/repo', '/repo/a/../b'],
    ['/repo/x/..', '/repo/y'],
    ['/repo', '/repo/a//b'],
    ['/repo', '/repo/.git/x'],
    ['/repo', '/repo/a/..'],
  ];

  it.each(pairs)('relativeWithSlashes(%s, %s) is path.relative with forward slashes', (base, target) => {
    expect(relativeWithSlashes(base, target)).toBe(path.relative(base, target).split(path.sep).join('/'));
  });

  it('joins a listed name as path.join does', () => {
    for (const dir of ['/', '/repo', '/repo/services/api']) {
      expect(childPath(dir)('go.mod')).toBe(path.join(dir, 'go.mod'));
    }
  });
});
