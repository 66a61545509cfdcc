// The one note about a build hidden in make or a script (the model's
// opaqueBuildLeft): what is left for a human, from every transform of the
// pipeline that stayed out of it. add-mod-flag and add-cache-mounts each say
// it when their part applies; the note is shown once (its fact).
import type { Instruction } from './document.js';
import { BUILD_CACHE_SINCE, compareGoVersions } from './go-version.js';
import { opaqueName } from './model/cache-flow.js';
import { OPAQUE_BUILD_LEFT_FACT, type OpaqueBuildLeft } from './model/index.js';
import { cacheMountTargets } from './mounts.js';
import { stageChain } from './stage-facts.js';
import { stageOf } from './stages.js';
import type { Context } from './transform.js';

/** -mod=mod has a place in the opaque build: module mode, not vendored, no workspace. */
export function modFlagLeftIn({ reading: { module, gopathMode } }: OpaqueBuildLeft): boolean {
  return gopathMode === undefined && !module.vendored && !module.vendoredBy && !module.workspaceFile && !module.workspaceBy;
}

/** Cache mounts have a place on the RUN: the author wrote none there, and the image's Go has a build cache (or is unknown). */
export function cacheMountsLeftOn(ctx: Context, instruction: Instruction): boolean {
  if (cacheMountTargets(instruction.flags).length > 0) return false;
  const image = ctx.model().baseImage(stageChain(stageOf(ctx.doc, instruction)!)[0]!);
  const version = image.goVersionAfter ?? image.goVersion;
  return version?.minor === undefined || compareGoVersions(version, BUILD_CACHE_SINCE) >= 0;
}

export function noteOpaqueBuildLeft(ctx: Context, instruction: Instruction, left: OpaqueBuildLeft): void {
  const parts: string[] = [];
  if (ctx.pipeline.includes('add-mod-flag') && modFlagLeftIn(left)) parts.push('-mod=mod inside it');
  if (ctx.pipeline.includes('add-cache-mounts') && cacheMountsLeftOn(ctx, instruction)) parts.push('cache mounts to this RUN');
  if (parts.length === 0) return;
  ctx.noteFact(left.command.start, OPAQUE_BUILD_LEFT_FACT, `\`${opaqueName(left.command)}\` runs go commands dockmod cannot see; add ${parts.join(' and ')} by hand if its builds need them`);
}
