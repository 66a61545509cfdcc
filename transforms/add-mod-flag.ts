// add-mod-flag: add -mod=mod to every `go build` (and `go install` of local
// packages), right after the subcommand, where build flags belong.
import type { Instruction } from '../src/document.js';
import { goInvocations, goVerb, inlineValue, isModuleBuild, modFlagValue, type GoInvocation, type RunAnalysis } from '../src/run.js';
import { firstInChain } from '../src/stage-facts.js';
import { withoutQuoting } from '../src/shell.js';
import { environmentBefore, runAnalysisOf, stageOf } from '../src/stages.js';
import type { Context, Transform } from '../src/transform.js';

const FLAG = '-mod=mod';

/** Every go tool name (go, xx-go, /usr/local/go/bin/go, go1.22) contains `go`. */
const mentionsBuild = (text: string): boolean => text.includes('go') && (text.includes('build') || text.includes('install'));

export const addModFlag: Transform = {
  id: 'add-mod-flag',
  summary: 'Add -mod=mod to every `go build` and local `go install` in RUN instructions.',
  mayApply: (text) => mentionsBuild(withoutQuoting(text)),
  apply(ctx) {
    for (const instruction of ctx.doc.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const source = ctx.doc.text.slice(instruction.start, instruction.end);
      if (!mentionsBuild(withoutQuoting(source))) continue;
      const analysis = runAnalysisOf(ctx.doc, instruction);
      for (const go of goInvocations(analysis)) {
        if (!isModuleBuild(go)) continue;
        const reason = reasonToLeave(ctx, instruction, analysis, go);
        if (reason === null) continue;
        if (reason) ctx.note(go.subcommand.start, reason);
        else ctx.edit(insertion(ctx.doc.text, analysis, go));
      }
    }
  },
};

function goflagsMod(goflags: string | null | undefined): string | undefined {
  if (!goflags) return undefined;
  return /(?:^|\s)--?mod=(\S*)/.exec(goflags)?.[1];
}

/** undefined: edit; null: nothing to do; a string: leave it and say why. */
function reasonToLeave(ctx: Context, instruction: Instruction, analysis: RunAnalysis, go: GoInvocation): string | null | undefined {
  const own = modFlagValue(go.args);
  if (own !== undefined) return own === 'mod' ? null : `go ${go.subcommand.value} already sets -mod=${own}; left as is`;
  const inlineMod = goflagsMod(inlineValue(go, 'GOFLAGS'));
  if (inlineMod !== undefined) return inlineMod === 'mod' ? null : `GOFLAGS sets -mod=${inlineMod} for this build; left as is`;
  const env = environmentBefore(ctx.doc, instruction);
  if ((inlineValue(go, 'GO111MODULE') ?? env.get('GO111MODULE')?.value) === 'off') {
    return 'GO111MODULE=off builds in GOPATH mode, where -mod does not apply; left as is';
  }
  const stageMod = goflagsMod(env.get('GOFLAGS')?.value);
  if (stageMod !== undefined) return stageMod === 'mod' ? null : `the stage sets GOFLAGS=-mod=${stageMod}; adding -mod=mod would override it`;
  if (analysis.unclear) return `this RUN cannot be read safely (${analysis.unclear}); add -mod=mod by hand`;
  if (vendorsBefore(ctx, instruction, go)) return 'the stage runs go mod vendor before this build: Go then builds from vendor/ and -mod=mod would switch it to the network';
  const module = ctx.module();
  if (module.vendored) return 'the module is vendored (vendor/modules.txt): -mod=mod would switch the build from vendor/ to the network';
  if (module.workspacePath) return 'a go.work is present: -mod=mod is an error in workspace mode';
  return undefined;
}

/** `go mod vendor` runs earlier in the stage chain, or earlier in the same RUN. */
function vendorsBefore(ctx: Context, instruction: Instruction, go: GoInvocation): boolean {
  const isVendor = (candidate: GoInvocation): boolean => goVerb(candidate) === 'mod vendor';
  if (goInvocations(runAnalysisOf(ctx.doc, instruction)).some((other) => other.command.start < go.command.start && isVendor(other))) return true;
  const stage = stageOf(ctx.doc, instruction);
  const vendors = (earlier: Instruction): boolean =>
    earlier.keyword === 'RUN' && /\bvendor\b/.test(ctx.doc.text.slice(earlier.start, earlier.end)) && goInvocations(runAnalysisOf(ctx.doc, earlier)).some(isVendor);
  return !!stage && firstInChain(stage, 'go mod vendor', vendors) < instruction.start;
}

/** Right after the subcommand, or after a leading `-C dir`, which Go requires to come first. */
function insertion(text: string, analysis: RunAnalysis, go: GoInvocation): { start: number; end: number; text: string } {
  let anchor = go.subcommand;
  const [first, second] = go.args;
  if (first && /^--?C(?:=|$)/.test(first.value)) anchor = first.value.includes('=') || !second ? first : second;
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
