// Property-based tests: every transform over generated Dockerfiles keeps the
// five safety properties (see test/invariants.ts). A fixed seed and 1,000 runs
// per property here; `npm run fuzz` runs many more with a random seed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DockmodError } from '../src/errors.js';
import type { RewriteOptions, RewriteResult } from '../src/pipeline.js';
import type { Transform } from '../src/transform.js';
import { TRANSFORMS } from '../transforms/index.js';
import { generatedDockerfile, mutatedDockerfile, type GeneratedCase } from './generate-dockerfile.js';
import {
  changesOutsideEdits,
  checkAll,
  describeError,
  diffMismatch,
  rewriteSafely,
  secondRunChanges,
  structureChanges,
  type Outcome,
} from './invariants.js';

const runs = Number(process.env.DOCKMOD_FUZZ_RUNS ?? 1000);
const seed = Number(process.env.DOCKMOD_FUZZ_SEED ?? 20250705);
const parameters = { numRuns: runs, seed };
/** vitest's per-test limit, stretched for `npm run fuzz`. */
const timeout = 30_000 + runs * 25;

function settingsFor(generated: GeneratedCase): RewriteOptions {
  return { path: 'Dockerfile', transforms: TRANSFORMS, options: generated.options, module: () => generated.module };
}

// Every property runs over the same generated inputs (same seed), so the first rewrite is shared.
const outcomes = new Map<GeneratedCase, Outcome>();
function rewrite(generated: GeneratedCase): Outcome {
  let outcome = outcomes.get(generated);
  if (!outcome) {
    outcome = rewriteSafely(generated.text, settingsFor(generated));
    outcomes.set(generated, outcome);
  }
  return outcome;
}

function holds(check: (generated: GeneratedCase, result: RewriteResult) => string[]) {
  return fc.property(generatedDockerfile, (generated) => {
    const outcome = rewrite(generated);
    if (!outcome.ok) return true; // property 1 reports it
    const problems = check(generated, outcome.result);
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- input:\n${generated.text}\n--- output:\n${outcome.result.output}`);
    return true;
  });
}

describe(`properties over generated Dockerfiles (${runs} runs each, seed ${seed}, transforms: ${TRANSFORMS.map((t) => t.id).join(', ')})`, () => {
  it('1. the pipeline never throws', () => {
    fc.assert(
      fc.property(generatedDockerfile, (generated) => {
        const outcome = rewrite(generated);
        if (!outcome.ok) throw new Error(`${describeError(outcome.error)}\n--- input:\n${generated.text}`);
      }),
      parameters,
    );
  }, timeout);

  it('2. bytes outside the edited instructions are unchanged', () => {
    fc.assert(holds((generated, result) => changesOutsideEdits(generated.text, result)), parameters);
  }, timeout);

  it('3. a second run changes nothing', () => {
    fc.assert(holds((generated, result) => secondRunChanges(result, settingsFor(generated))), parameters);
  }, timeout);

  it('4. the dry-run diff applied to the input equals the output', () => {
    fc.assert(holds((generated, result) => diffMismatch(generated.text, result)), parameters);
  }, timeout);

  it('5. the output parses, with only the intended instructions inserted or removed', () => {
    fc.assert(holds((generated, result) => structureChanges(generated.text, result)), parameters);
  }, timeout);

  it('generates inputs that exercise every transform', () => {
    const sample = fc.sample(generatedDockerfile, { numRuns: 400, seed });
    const changedBy = new Map<string, number>();
    for (const generated of sample) {
      const outcome = rewrite(generated);
      if (!outcome.ok) continue;
      for (const id of outcome.result.changedBy) changedBy.set(id, (changedBy.get(id) ?? 0) + 1);
    }
    for (const transform of TRANSFORMS) expect(changedBy.get(transform.id) ?? 0, transform.id).toBeGreaterThanOrEqual(5);
  });
});

describe(`properties over mutated fixtures (${runs} runs, seed ${seed})`, () => {
  // Every input.Dockerfile of __fixtures__ (transform cases and the corpus), with random edits.
  const fixtures = path.join(import.meta.dirname, '..', '__fixtures__');
  const inputs = readdirSync(fixtures).flatMap((group) =>
    readdirSync(path.join(fixtures, group))
      .map((name) => path.join(fixtures, group, name, 'input.Dockerfile'))
      .filter((file) => existsSync(file))
      .map((file) => readFileSync(file, 'latin1')),
  );
  const settings: RewriteOptions = {
    path: 'Dockerfile',
    transforms: TRANSFORMS,
    options: { goVersion: '1.24' },
    module: () => ({ vendored: false, goModPath: '/repo/go.mod', goVersion: '1.24.0' }),
  };

  it('keep the five properties, or are refused with a DockmodError', () => {
    fc.assert(
      fc.property(mutatedDockerfile(inputs), (text) => {
        const outcome = rewriteSafely(text, settings);
        if (!outcome.ok && outcome.error instanceof DockmodError) return;
        const problems = checkAll(text, settings);
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\n--- input:\n${text}`);
      }),
      parameters,
    );
  }, timeout);
});

describe('the property checks catch broken transforms', () => {
  const input = 'FROM golang:1.22\n# keep me\nRUN go build .\nCOPY . .\n';
  const broken = (id: string, apply: Transform['apply']): RewriteOptions => ({
    path: 'Dockerfile',
    transforms: [{ id, summary: id, mayApply: () => true, apply }],
    options: { goVersion: '1.24' },
  });
  const outcomeOf = (settings: RewriteOptions) => {
    const outcome = rewriteSafely(input, settings);
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  };

  it('an edit that spills onto a comment line breaks property 2', () => {
    const spill = broken('spill', (ctx) => ctx.edit({ start: ctx.doc.text.indexOf('keep'), end: ctx.doc.text.indexOf('me'), text: '' }));
    expect(changesOutsideEdits(input, outcomeOf(spill)).join('\n')).toMatch(/input line 2 changed outside the reported edits/);
  });

  it('a joined line breaks properties 2 and 5', () => {
    const join = broken('join', (ctx) => {
      const run = ctx.doc.instructions.find((instruction) => instruction.keyword === 'RUN')!;
      ctx.edit({ start: run.end, end: run.end + 1, text: ' ' });
    });
    const result = outcomeOf(join);
    expect(changesOutsideEdits(input, result).join('\n')).toMatch(/input line 4 changed/);
    expect(structureChanges(input, result).join('\n')).toMatch(/the other instructions changed/);
  });

  it('a transform that edits its own output again breaks property 3', () => {
    const again = broken('again', (ctx) => ctx.edit({ start: 0, end: 0, text: '# again\n' }));
    const settings = again;
    expect(secondRunChanges(outcomeOf(settings), settings).join('\n')).toMatch(/a second run changed the output again/);
  });
});
