// add-mod-flag: add -mod=mod to every `go build` (and `go install` of local
// packages), right after the subcommand, where build flags belong.
import type { Instruction } from '../src/document.js';
import { compareGoVersions, MOD_MOD_SINCE } from '../src/go-version.js';
import { modeFactOf, type ModeFact } from '../src/model/index.js';
import { modFlagLeftIn, noteOpaqueBuildLeft } from '../src/opaque-build-note.js';
import { goInvocations, goVerb, isModuleBuild, modFlagValue, type GoInvocation, type RunAnalysis } from '../src/run.js';
import { withoutQuoting } from '../src/shell.js';
import { runAnalysisOf } from '../src/stages.js';
import type { Context, Transform } from '../src/transform.js';

const FLAG = '-mod=mod';

/** Every go tool name (go, xx-go, /usr/local/go/bin/go, go1.22) contains `go`. */
const mentionsBuild = (text: string): boolean => text.includes('go') && (text.includes('build') || text.includes('install') || text.includes('make') || /\stest\s[^\n]*-c\b/.test(text));

export const addModFlag: Transform = {
  id: 'add-mod-flag',
  summary: 'Add -mod=mod to every `go build` and local `go install` in RUN instructions.',
  mayApply: (text) => mentionsBuild(withoutQuoting(text)),
  apply(ctx) {
    for (const instruction of ctx.doc.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const source = withoutQuoting(ctx.doc.text.slice(instruction.start, instruction.end));
      if (!mentionsBuild(source) && !/make|mage|task|bazel|\.sh\b|build|\//.test(source)) continue;
      const analysis = runAnalysisOf(ctx.doc, instruction);
      noteOpaqueBuild(ctx, instruction);
      for (const go of goInvocations(analysis)) {
        if (!isModuleBuild(go)) continue;
        const left = reasonToLeave(ctx, instruction, analysis, go);
        if (left === null) continue;
        if (left === undefined) ctx.edit(insertion(ctx.doc.text, analysis, go));
        else if (left.fact) ctx.noteFact(go.subcommand.start, left.fact, left.reason);
        else ctx.note(go.subcommand.start, left.reason);
      }
    }
  },
};

/** A build the Dockerfile hides in make or a script, in module mode (not vendored): what is left for a human. */
function noteOpaqueBuild(ctx: Context, instruction: Instruction): void {
  const left = ctx.model().opaqueBuildLeft(instruction);
  if (left && modFlagLeftIn(left)) noteOpaqueBuildLeft(ctx, instruction, left);
}

/** Why -mod=mod stays out, worded from the model's fact (`detail`). */
const FLAG_REASONS: Record<Exclude<ModeFact['kind'], 'mod-flag'>, (detail: string) => string> = {
  'gopath-mode': (detail) => `${detail}, where -mod does not apply; left as is`,
  elsewhere: (detail) => `${detail}: that is not the module the build context brings; left as is`,
  'module-unknown': (detail) => `${detail} nor does any COPY name one: whether the build runs in module mode cannot be told; left as is`,
  vendored: (by) => (by ? `the stage runs ${by} before this build: Go then builds from vendor/ and -mod=mod would switch it to the network` : 'the module is vendored (vendor/modules.txt): -mod=mod would switch the build from vendor/ to the network'),
  workspace: (by) => (by ? `${by} puts the build in workspace mode: -mod=mod is an error there` : 'a go.work is present: -mod=mod is an error in workspace mode'),
  'cannot-fetch': (detail) => `${detail}: with -mod=mod the build may need to fetch modules; left as is`,
  pruned: (detail) => `${detail}; -mod=mod would add them anew at their latest versions, not the ones go.mod pinned; left as is`,
};

interface Left {
  reason: string;
  /** The model's fact the reason states (insert-mod-tidy may have said it already). */
  fact?: string;
}

/** undefined: edit; null: nothing to do; else: leave it and say why. */
function reasonToLeave(ctx: Context, instruction: Instruction, analysis: RunAnalysis, go: GoInvocation): Left | null | undefined {
  // The command's own -mod=mod is the model's `mod` whatever the environment says: nothing to ask it (a migrated file's steady state).
  if (modFlagValue(go.args) === 'mod') return null;
  const facts = ctx.model().goCommand(instruction, go);
  const { mod } = facts;
  if (mod === 'mod') return null;
  const modelFact = modeFactOf(facts);
  const fact = modelFact && `${modelFact.kind}:${modelFact.detail}`;
  if (mod !== undefined) {
    const ownFlag = modFlagValue(go.args) !== undefined;
    const origin = facts.env.origin('GOFLAGS');
    const reason = ownFlag ? `go ${go.subcommand.value} already sets -mod=${mod}; left as is`
      : origin === 'the command' ? `GOFLAGS sets -mod=${mod} for this build; left as is`
      : `GOFLAGS=-mod=${mod} (${origin}) applies to this build; adding -mod=mod would override it`;
    return { reason, ...(modelFact?.kind === 'mod-flag' ? { fact } : {}) };
  }
  if (modelFact && modelFact.kind !== 'mod-flag') return { reason: FLAG_REASONS[modelFact.kind](modelFact.detail), fact };
  const assumed = ctx.model().goVersionAssumedAt(instruction, facts.module);
  if (assumed && compareGoVersions(assumed.version, MOD_MOD_SINCE) < 0) {
    return assumed.from === 'image'
      ? { reason: `the image has Go ${assumed.version.text}, and -mod=mod exists only since Go 1.14; left as is` }
      : { reason: `the image's Go is not known here and go.mod asks only for go ${facts.module.goVersion}: -mod=mod exists only since Go 1.14; left as is` };
  }
  if (analysis.unclear) return { reason: `this RUN cannot be read safely (${analysis.unclear}); add -mod=mod by hand` };
  if (facts.readOnlyModule) return { reason: `the module comes from a read-only --mount=${facts.readOnlyModule}: -mod=mod could not update go.mod or go.sum there; left as is` };
  // The same fact insert-mod-tidy states for its tidy: whatever -mod=mod would write fails, so it would change nothing.
  const unwritable = facts.module.how === 'context' ? ctx.model().goModUnwritableBy(instruction) : undefined;
  if (unwritable) return { reason: `the build runs as ${unwritable}, who cannot rewrite the go.mod and go.sum copied without --chown: -mod=mod could not update them (copy them with --chown); left as is`, fact: `unwritable:${unwritable}` };
  return undefined;
}

/** Right after the subcommand, or after a leading `-C dir`, which Go requires to come first. */
function insertion(text: string, analysis: RunAnalysis, go: GoInvocation): { start: number; end: number; text: string } {
  let anchor = go.subcommand;
  const [first, second] = go.args;
  // After `go build -C dir`'s dir; `go -C dir build` has them before the subcommand already.
  if (first && first.start > go.subcommand.start && /^--?C(?:=|$)/.test(first.value)) anchor = first.value.includes('=') || !second ? first : second;
  if (analysis.exec) {
    const elements = analysis.exec.elements;
    const index = elements.indexOf(anchor);
    const next = elements[index + 1];
    const gap = next ? text.slice(anchor.end, next.start) : ', ';
    const separator = /^[ \t]*,[ \t]*$/.test(gap) ? gap : ', ';
    return { start: anchor.end, end: anchor.end, text: `${separator}"${FLAG}"` };
  }
  return { start: anchor.end, end: anchor.end, text: ` ${FLAG}` };
}
