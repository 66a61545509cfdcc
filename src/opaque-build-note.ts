// The one note about a build hidden in make or a script (the model's
// opaqueBuildLeft): what is left for a human, from every transform of the
// pipeline that stayed out of it (insert-mod-tidy's tidy, add-mod-flag's
// -mod=mod, add-cache-mounts' mounts). add-mod-flag and add-cache-mounts each
// say it when their part applies; the note is shown once (its fact).
import type { Instruction } from './document.js';
import { BUILD_CACHE_SINCE, compareGoVersions, MOD_MOD_SINCE, parseGoVersion, tidyRefusesNewerGoLine } from './go-version.js';
import { opaqueName, scriptTextFacts } from './model/cache-flow.js';
import { OPAQUE_BUILD_LEFT_FACT, type OpaqueBuildLeft } from './model/index.js';
import { cacheMountTargets } from './mounts.js';
import { goInvocations, goVerb, isModuleBuild } from './run.js';
import { holdsTheSystem } from './image-facts.js';
import { chainInstructionsBefore } from './stage-facts.js';
import { runAnalysisOf } from './stages.js';
import type { Context } from './transform.js';

/** -mod=mod has a place in the opaque build: a go.mod reaches the folder it runs in (or may: not a module unknown), module mode, not vendored, no workspace. */
export function modFlagLeftIn({ reading: { module, gopathMode, prunedBy } }: OpaqueBuildLeft): boolean {
  // With no go.mod where it runs, where the build finds its module (if any) is the script's own business; after a tidy
  // that dropped the requirements, tidy and -mod=mod would add them anew at their latest versions.
  return module.how !== 'none' && !module.noModuleKnown && gopathMode === undefined && !module.vendored && !module.vendoredBy && !module.workspaceFile && !module.workspaceBy && prunedBy === undefined;
}

/** Cache mounts have a place on the RUN: the author wrote none there, and the stage's Go has a build cache (or is unknown). */
export function cacheMountsLeftOn(ctx: Context, instruction: Instruction): boolean {
  if (cacheMountTargets(instruction.flags).length > 0) return false;
  const version = ctx.model().goVersionAt(instruction);
  return version?.minor === undefined || compareGoVersions(version, BUILD_CACHE_SINCE) >= 0;
}

/**
 * `go mod tidy` has a place before the opaque build: the module allows it (the facts that rule out -mod=mod rule out
 * tidy) and the COPYs brought all its Go folders, insert-mod-tidy met no build of its own before it in the stage chain (there it decided, inserting or saying why
 * not), and no tidy runs after the last COPY/ADD from the build context.
 */
export function tidyLeftBefore(ctx: Context, instruction: Instruction, left: OpaqueBuildLeft): boolean {
  // With Go folders of the module left out (only go.mod and go.sum copied, say), or perhaps left out, tidy would prune what they import.
  if (!modFlagLeftIn(left) || left.reading.module.missingGoFolders !== undefined || left.reading.module.goFoldersUnknown) return false;
  // go.mod at / (or above the Go installation): insert-mod-tidy refuses a tidy there.
  const root = left.reading.module.moduleRoot;
  if (root !== undefined && holdsTheSystem(root)) return false;
  // A user who cannot rewrite the copied go.mod (go-toolset's 1001 over a root-owned COPY), as insert-mod-tidy refuses there.
  if (left.reading.module.how === 'context' && ctx.model().goModUnwritableBy(instruction)) return false;
  // A go.mod newer than a Go 1.16-1.20 image: its tidy refuses it.
  const go = ctx.model().goVersionAt(instruction);
  const asked = left.reading.module.goVersion === undefined ? undefined : parseGoVersion(left.reading.module.goVersion);
  if (go && asked && tidyRefusesNewerGoLine(asked, go)) return false;
  const earlierInRun = goInvocations(runAnalysisOf(ctx.doc, instruction)).filter((go) => go.command.start < left.command.start);
  if (earlierInRun.some((go) => isModuleBuild(go) || goVerb(go) === 'mod tidy')) return false;
  let sourcesCopiedSince = false;
  for (const item of chainInstructionsBefore(ctx.doc, instruction).reverse()) {
    if ((item.keyword === 'COPY' || item.keyword === 'ADD') && !item.flags.some((flag) => flag.name === 'from')) sourcesCopiedSince = true;
    if (item.keyword !== 'RUN') continue;
    const gos = goInvocations(runAnalysisOf(ctx.doc, item));
    if (gos.some(isModuleBuild) || (!sourcesCopiedSince && gos.some((go) => goVerb(go) === 'mod tidy'))) return false;
  }
  return true;
}

export function noteOpaqueBuildLeft(ctx: Context, instruction: Instruction, left: OpaqueBuildLeft): void {
  const parts: string[] = [];
  const own = left.text === undefined ? undefined : scriptTextFacts(left.text);
  const modWritten = own?.modFlag;
  // As add-mod-flag reads it: the image's Go, or with the image unknown go.mod's go line.
  const go = ctx.model().goVersionAssumedAt(instruction, left.reading.module);
  const modFlagExists = !go || compareGoVersions(go.version, MOD_MOD_SINCE) >= 0;
  // A recipe that only fetches, tidies or installs tools (`make deps`: go mod download, go install x@v1) has no build for -mod=mod.
  const buildsInText = own === undefined || own.compiles;
  // After a checkout in the same RUN, a tidy before the RUN would make the checkout refuse to overwrite go.mod: it goes after it.
  const checkout = left.reading.module.checkedOutBy;
  // What an opaque build before it in the RUN did (`make ci && make install`, ci tidying and vendoring) counts too.
  const before = left.textBefore === undefined ? undefined : scriptTextFacts(left.textBefore);
  const vendorsBefore = before?.vendors === true;
  const tidyLeft = modWritten === undefined && !vendorsBefore && !before?.tidies && !own?.tidies && tidyLeftBefore(ctx, instruction, left);
  if (ctx.pipeline.includes('insert-mod-tidy') && tidyLeft) parts.push(checkout ? `go mod tidy after the ${checkout}, in this RUN` : 'go mod tidy before it');
  // A script that vendors (`go mod vendor`, then its build) builds from vendor/: -mod=mod there would switch it to the network.
  if (ctx.pipeline.includes('add-mod-flag') && modWritten === undefined && !vendorsBefore && !own?.vendors && modFlagExists && buildsInText && modFlagLeftIn(left)) parts.push('-mod=mod inside it');
  if (ctx.pipeline.includes('add-cache-mounts') && cacheMountsLeftOn(ctx, instruction)) parts.push('cache mounts to this RUN');
  if (parts.length === 0) return;
  const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  ctx.noteFact(left.command.start, OPAQUE_BUILD_LEFT_FACT, `\`${opaqueName(left.command)}\` runs go commands dockmod cannot see; add ${listed} by hand if its builds need them`);
}
