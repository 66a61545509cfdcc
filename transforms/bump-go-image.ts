// bump-go-image: move every Go builder base image (the official golang image
// and the families of src/image-facts.ts) to the target Go version:
// --go-version, or by default the toolchain/go line of the nearest go.mod.
// These images pin the toolchain (GOTOOLCHAIN=local), so an image older than
// go.mod asks for fails the build. Tags keep their precision and variant and
// move only to tags that exist (src/go-image-bump.ts decides); versions held
// in ARG defaults are bumped in the ARG; nothing is downgraded.
import { astOffset, lineRef, type Instruction } from '../src/document.js';
import { UsageError } from '../src/errors.js';
import {
  expandImage,
  globalArgDeclarations,
  outerRangeOf,
  sourceRangeOf,
  UNKNOWN,
  type Expansion,
  type GlobalArg,
  type Source,
} from '../src/from-expansion.js';
import { compareGoVersions, goVersionProblem, isPrerelease, parseGoVersion, TOOLCHAIN_SWITCH_SINCE, type GoVersion } from '../src/go-version.js';
import { decideImageBump, goImageKind, satisfies, stageGoVersions, versionAskedBy, type ImageKind } from '../src/go-image-bump.js';
import { mirroredGolangPrefix, splitGolangTag, splitImageReference, type ImageReference } from '../src/image-ref.js';
import { installingGetAcross } from '../src/model/base-image.js';
import { golangTagKnowledge } from '../src/golang-tag-bump.js';
import { readsMainModule } from '../src/model/index.js';
import { goInvocations } from '../src/run.js';
import { stageChain } from '../src/stage-facts.js';
import { globalArgs, runAnalysisOf, stagesOf, type Stage } from '../src/stages.js';
import type { Context, Suggestion, Transform } from '../src/transform.js';

export const bumpGoImage: Transform = {
  id: 'bump-go-image',
  summary: 'Move the golang (and UBI go-toolset) base image to the target Go version (go.mod by default), keeping tag precision and variant.',
  // An image named by an ARG may be a Go builder too.
  // A stage that installs Go itself (a release archive, `apk add go`) may install an older one than the target.
  mayApply: (text) => /golang|go-toolset|chainguard\/go|:\S*go\d|^[ \t]*FROM[ \t]+(?:--\S+[ \t]+)*\S*\$|\bgo[\w.${}]+\.(?:linux|freebsd|darwin|windows|\$\{?[A-Za-z_]\w*\}?|\$\([^()]*\))-|\badd\b[^\n]*\bgo\b/im.test(text),
  apply(ctx) {
    const target = targetOf(ctx);
    const notes = new NoteBook(ctx);
    const args = globalArgDeclarations(ctx.doc, globalArgs(ctx.doc));
    const plans = stagesOf(ctx.doc).map((stage, index, stages) =>
      planFor(ctx, stage.from, args, stages.slice(0, index).map((s) => s.name), 'version' in target ? target.version : undefined),
    );
    if (!('version' in target)) {
      const missing = missingTargetNote(ctx, plans, target);
      if (missing) notes.add(missing.offset, missing.message);
      return;
    }
    refuseConflictingArgEdits(plans, notes);
    const edits = new Map<string, SourcedEdit>();
    for (const plan of plans) {
      for (const note of plan.notes) notes.add(note.offset, note.message, ownSuggestion(note, plan, plans));
      if (plan.edits.length === 0) continue;
      for (const edit of plan.edits) edits.set(editKey(edit), edit);
      for (const note of plan.notesIfApplied) notes.add(note.offset, note.message);
    }
    for (const edit of edits.values()) ctx.edit({ start: edit.start, end: edit.end, text: edit.text });
    noteStageArgsLeftBehind(ctx, [...edits.values()], target.version, notes);
  },
};

/**
 * No target: `missing` says why; `noModule` when no go.mod was found (rather than one that cannot be read); `nothingAsked`
 * when the go.mod states no Go version (no go line: any Go builds it, so no image is too old and there is nothing to say).
 */
type Target = { version: GoVersion } | { missing: string; noModule?: true; nothingAsked?: true };

function targetOf(ctx: Context): Target {
  const option = ctx.options.goVersion || 'auto';
  if (option !== 'auto') {
    const problem = goVersionProblem(option);
    if (problem) throw new UsageError(problem);
    return { version: parseGoVersion(option)! };
  }
  const module = ctx.module();
  // A workspace root with no go.mod of its own (`go build ./a` beside go.work) asks through go.work's lines alone.
  if (!module.goModPath && !module.workspacePath) {
    return { missing: 'no go.mod found', noModule: true };
  }
  const asked = versionAskedBy(module);
  if (asked.unreadable !== undefined) return { missing: `cannot read the Go version "${asked.unreadable}" in go.mod; pass --go-version to bump the golang image` };
  if (!asked.version) return { missing: 'go.mod has no go line', nothingAsked: true };
  return { version: asked.version };
}

/**
 * Where the missing target is worth a human's attention: an image pinned to a
 * Go version, in whose stages a module-mode go command reads a module dockmod
 * cannot find (the build context or the command's folder is unknown, and no
 * go.mod is above the Dockerfile). Floating tags, images never bumped, stages
 * without go commands, GOPATH-mode builds, builds no go.mod reaches and
 * sources fetched from elsewhere have nothing to bump to: no note. A go.mod
 * found but unreadable is said at the first pinned image.
 */
function missingTargetNote(ctx: Context, plans: readonly Plan[], target: { missing: string; noModule?: true; nothingAsked?: true }): { offset: number; message: string } | undefined {
  if (target.nothingAsked) return undefined;
  const pinned = plans.filter((plan) => plan.golang && plan.pinned);
  if (!target.noModule) return pinned[0] && { offset: pinned[0].from.start, message: target.missing };
  const model = ctx.model();
  for (const plan of pinned) {
    for (const instruction of stagesOn(ctx, plan.from).flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      for (const go of goInvocations(runAnalysisOf(ctx.doc, instruction)).filter(readsMainModule)) {
        const facts = model.goCommand(instruction, go);
        if (facts.gopathMode) continue;
        // Sources from a git clone or `go get` are another repository's, whose Go the image was chosen for: nothing of this repository to bump to.
        if (facts.module.how === 'nearest' && !facts.module.goModFile) {
          return { offset: plan.from.start, message: `no go.mod found for the go commands of ${plan.image} (${facts.module.detail}); pass --go-version to bump it` };
        }
      }
    }
  }
  return undefined;
}

/** A golang-style tag (`1.26`, `1.26.4-1`) whose Go meets `target`; false when it names no version or one below it. */
function tagMeets(tag: string | undefined, target: GoVersion): boolean {
  const split = tag === undefined ? undefined : splitGolangTag(tag);
  const version = split && parseGoVersion(tag!.slice(split.version.start, split.version.end));
  return version !== undefined && version.minor !== undefined && satisfies(version, target);
}

/** The official golang image published this tag (the built-in table with the user's golangTags list). */
function publishedByGolang(tag: string, ctx: Context): boolean {
  const split = splitGolangTag(tag);
  return split !== undefined && golangTagKnowledge('golang', ctx.options).table.has(tag.slice(split.version.start, split.version.end), split.variant);
}

/** The stage whose FROM is `from` and the stages built FROM it (the chain on one base image). */
function stagesOn(ctx: Context, from: Instruction): Stage[] {
  const stages = stagesOf(ctx.doc);
  const root = stages.find((stage) => stage.from === from);
  return stages.filter((stage) => stageChain(stage)[0] === root);
}

/** A stage built FROM `from` (or on it) runs a module-mode go command that reads a go.mod of this repository. */
function buildsTheModule(ctx: Context, from: Instruction): boolean {
  return stagesOn(ctx, from).flatMap((stage) => stage.instructions).some((instruction) => runBuildsTheModule(ctx, instruction));
}

/** A RUN whose go command reads this module's go.mod in module mode (from the build context, or the nearest go.mod). */
function runBuildsTheModule(ctx: Context, instruction: Instruction): boolean {
  return instruction.keyword === 'RUN' && goInvocations(runAnalysisOf(ctx.doc, instruction)).filter(readsMainModule).some((go) => {
    const facts = ctx.model().goCommand(instruction, go);
    return !facts.gopathMode && facts.module.goModFile !== undefined && (facts.module.how === 'context' || facts.module.how === 'nearest');
  });
}

/**
 * A builder outside the families whose tag names its Go (`builder:go1.20-linux`), older than the target, in a stage that
 * builds this module (itself or in make): its tags follow no scheme dockmod can move, so a human must.
 */
function olderGoNamedInTag(ctx: Context, from: Instruction, name: string, tag: string, target: GoVersion): string | undefined {
  // The model reads the builder's Go from its name and tag (image-facts.ts goVersionNamedBy), for every transform.
  const root = stagesOf(ctx.doc).find((stage) => stage.from === from);
  const version = root && ctx.model().baseImage(root).goVersion;
  if (!version || satisfies(version, target) || !(buildsTheModule(ctx, from) || buildsOutOfSight(ctx, from))) return undefined;
  return `the tag ${tag} of ${name} names Go ${version.text}, older than Go ${target.text}, and dockmod cannot tell which tag of this image has a newer Go: move it to one with Go ${target.text} or later by hand`;
}

/**
 * An image with no Go of its own whose stage installs an older Go than the target (a release archive, the distribution's
 * package: the model's goVersionAt) and then builds this module: bump-go-image moves images, so a human raises it.
 */
function olderGoInstalled(ctx: Context, from: Instruction, target: GoVersion): string | undefined {
  const model = ctx.model();
  const build = stagesOn(ctx, from).flatMap((stage) => stage.instructions).find((instruction) =>
    instruction.keyword === 'RUN' && (model.opaqueBuildLeft(instruction) !== undefined || runBuildsTheModule(ctx, instruction)));
  const version = build && model.goVersionAt(build);
  if (!version || version.minor === undefined || satisfies(version, target)) return undefined;
  // A Go of 1.21 or later installed this way defaults to GOTOOLCHAIN=auto (the release's go.env): it fetches the toolchain go.mod asks for.
  if (compareGoVersions(version, TOOLCHAIN_SWITCH_SINCE) >= 0) return undefined;
  return `the stage installs Go ${version.text} itself (a release archive, the distribution's package, or /usr/local/go copied from an image) and builds the module at line ${lineRef(build!)}: Go ${target.text} or later is needed, raise the version it installs by hand`;
}

/** A stage built FROM `from` (or on it) runs this repository's build in make or a script (the model's opaqueBuildLeft). */
function buildsOutOfSight(ctx: Context, from: Instruction): boolean {
  return stagesOn(ctx, from).flatMap((stage) => stage.instructions).some((instruction) => instruction.keyword === 'RUN' && ctx.model().opaqueBuildLeft(instruction) !== undefined);
}

interface SourcedEdit {
  source: Source;
  start: number;
  end: number;
  text: string;
}

interface PendingNote {
  offset: number;
  message: string;
  suggestion?: { description: string; edits: SourcedEdit[] };
}

/** What one FROM asks for. */
interface Plan {
  from: Instruction;
  /** The image, expanded, for messages. */
  image: string;
  /** The FROM names an official golang image. */
  golang: boolean;
  /** Its tag names a Go version (not `latest`, `alpine`, no tag, not from an ARG without default): it moves when there is a target. */
  pinned: boolean;
  /** ARG defaults the image reads. */
  sources: Set<Source>;
  edits: SourcedEdit[];
  /** Reasons for leaving the image alone. */
  notes: PendingNote[];
  /** Said only if the edits are made (a dropped digest, a patch pin given up). */
  notesIfApplied: PendingNote[];
  /** The tag a human would most likely choose instead, when the image is left. */
  suggestion?: PendingNote['suggestion'];
}

function planFor(
  ctx: Context,
  from: Instruction,
  args: readonly GlobalArg[],
  earlierStages: readonly (string | undefined)[],
  target: GoVersion | undefined,
): Plan {
  const plan: Plan = { from, image: '', golang: false, pinned: false, sources: new Set(), edits: [], notes: [], notesIfApplied: [] };
  const argument = (from.ast.getArguments() as { getRange(): AstRange }[])[0];
  if (!argument) return plan;
  const doc = ctx.doc;
  const range = argument.getRange();
  const source: Source = { kind: 'from', instruction: from, start: astOffset(doc, from, range.start), end: astOffset(doc, from, range.end) };
  const expansion = expandImage(doc, source, args);
  plan.sources = expansion.sources;
  plan.image = expansion.unknown.length > 0 ? doc.text.slice(source.start, source.end) : expansion.text;
  // An earlier stage, also one named through ARGs (`FROM gobuild-$TARGETARCH`, see stages.ts), even one of several not
  // built alike: not an image to bump (the candidates' own FROMs are).
  const stage = stagesOf(doc).find((candidate) => candidate.from === from);
  if (stage?.parent || stage?.parentCandidates) return plan;
  const leave = (message: string): Plan => {
    if (target) plan.notes.push({ offset: source.start, message, ...(plan.suggestion ? { suggestion: plan.suggestion } : {}) });
    return plan;
  };

  if (expansion.unclear) {
    return mentionsGolang(expansion.text) ? leave(`cannot read the image ${plan.image}: ${expansion.unclear}; left as is`) : plan;
  }
  const reference = splitImageReference(expansion.text);
  if (reference.name.includes(UNKNOWN)) {
    if (mentionsGolang(reference.name)) return leave(`cannot tell whether ${plan.image} is the official golang image (${noDefault(expansion)}); left as is`);
    // An image the build passes in (`FROM ${BUILDER}`) that compiles this module: its Go is the build's to check.
    if (target && buildsTheModule(ctx, from)) return leave(`the Go version of ${plan.image} is not known here (${noDefault(expansion)}), and its stage builds the module: make sure the build passes an image with Go ${target.text} or later`);
    return plan;
  }
  if (earlierStages.includes(reference.name.toLowerCase())) return plan;
  const kind = goImageKind(reference.name, ctx.options);
  if (!kind) {
    // A mirror of golang (`<registry>/golang`): passing its registry lets dockmod bump it like the official image.
    const prefix = mirroredGolangPrefix(reference.name);
    const tag = reference.tag && expansion.text.slice(reference.tag.start, reference.tag.end);
    // Only where there is something to bump: a target its tag (read as golang's) does not already meet.
    // A tag with no version (`alpine`, `latest`) follows the newest Go there too: nothing to bump, so no flag to ask for.
    const moving = tag === undefined || (!tag.includes(UNKNOWN) && !splitGolangTag(tag) && !reference.digest);
    // A tag golang never published (EKS Distro's `1.22-gcc`): another vendor's Go build under the same name, not a mirror.
    if (prefix !== undefined && target && !moving && !tagMeets(tag, target) && publishedByGolang(tag!, ctx)) return leave(`${reference.name} is not an official golang image name; to bump it as the golang image, pass --golang-registry ${prefix} (or list it in golangRegistries)`);
    const namedGo = target && reference.tag ? olderGoNamedInTag(ctx, from, reference.name, expansion.text.slice(reference.tag.start, reference.tag.end), target) : undefined;
    const installedGo = !namedGo && target ? olderGoInstalled(ctx, from, target) : undefined;
    return namedGo ? leave(namedGo) : installedGo ? leave(installedGo) : plan;
  }
  plan.golang = true;
  const tag = reference.tag && expansion.text.slice(reference.tag.start, reference.tag.end);
  plan.pinned = tag !== undefined && !tag.includes(UNKNOWN) && stageGoVersions(expansion.text, undefined, ctx.options) !== undefined;
  if (!target) return plan;
  const refusal = planBump(ctx, plan, { source, expansion, reference, kind }, target);
  if (refusal) {
    plan.edits = [];
    // The builds fetch the Go go.mod asks for themselves: nothing to do by hand.
    if (switchesToolchain(ctx, from)) {
      delete plan.suggestion;
      return plan;
    }
    return leave(refusal);
  }
  return plan;
}

/** Go 1.21 or later switches to the toolchain go.mod asks for under GOTOOLCHAIN=auto (or `go1.N+auto`); the golang image sets local. */
const SWITCHING_TOOLCHAIN = /^(?:auto|go\d+\.\d+(?:\.\d+)?\+auto)$/;

/** Every go command of the stages on `from` that reads the module runs with GOTOOLCHAIN=auto, on a Go that can switch (1.21+, or unknown). */
function switchesToolchain(ctx: Context, from: Instruction): boolean {
  const model = ctx.model();
  let any = false;
  for (const instruction of stagesOn(ctx, from).flatMap((stage) => stage.instructions)) {
    if (instruction.keyword !== 'RUN') continue;
    for (const go of goInvocations(runAnalysisOf(ctx.doc, instruction)).filter(readsMainModule)) {
      const facts = model.goCommand(instruction, go);
      const version = facts.goVersion;
      if (!SWITCHING_TOOLCHAIN.test(facts.env.get('GOTOOLCHAIN') ?? '')) return false;
      if (version?.minor !== undefined && compareGoVersions(version, TOOLCHAIN_SWITCH_SINCE) < 0) return false;
      any = true;
    }
  }
  return any;
}

interface GolangImage {
  source: Source;
  expansion: Expansion;
  reference: ImageReference;
  kind: ImageKind;
}

/** Add the edits that move `image` to `target` to the plan; a string says why it is left alone (undefined also when nothing is needed). */
function planBump(ctx: Context, plan: Plan, { source, expansion, reference, kind }: GolangImage, target: GoVersion): string | undefined {
  if (!reference.tag) {
    if (reference.digest) return `${plan.image} is pinned by digest only: its Go version cannot be read; make sure it is Go ${target.text} or later`;
    const latest = decideImageBump(plan.image, reference.name, undefined, kind, target, ctx.options);
    return latest.kind === 'leave' ? latest.reason : undefined;
  }
  const tag = expansion.text.slice(reference.tag.start, reference.tag.end);
  // A digest that names a variable with no value: what the stage builds FROM is not known, so neither is what a bump replaces.
  if (reference.digest && expansion.text.slice(reference.digest.start, reference.digest.end).includes(UNKNOWN)) {
    return `the digest of ${plan.image} is not known here (${noDefault(expansion)}); left as is`;
  }
  if (tag.split('-')[0]!.includes(UNKNOWN)) {
    return `the Go version of ${plan.image} is not known here (${noDefault(expansion)}): make sure the build passes Go ${target.text} or later`;
  }
  if (tag.includes(UNKNOWN)) {
    const version = parseGoVersion(tag.split('-')[0]!);
    if (version && satisfies(version, target)) return undefined;
    if (isPrerelease(target)) return `${plan.image} is older than Go ${target.text}, a pre-release: set the image by hand`;
    return `the variant of ${plan.image} is not known here (${noDefault(expansion)}), so it may not exist for Go ${target.text}; bump by hand`;
  }
  const decision = decideImageBump(plan.image, reference.name, tag, kind, target, ctx.options);
  // `golang:alpine@sha256:...`: the tag would follow the newest Go, the digest holds it at whatever it was then.
  if (decision.kind === 'none' && reference.digest && kind.kind === 'golang' && !splitGolangTag(tag) && stageGoVersions(expansion.text, undefined, ctx.options) === undefined) {
    return `${plan.image} is pinned by digest to a tag with no version (${tag}): its Go cannot be read; make sure it is Go ${target.text} or later`;
  }
  if (decision.kind === 'none') return undefined;
  const tagStart = reference.tag.start;
  if (decision.kind === 'leave') {
    const suggested = decision.suggestedTag && suggestionEdits(expansion, reference, tag, decision.suggestedTag);
    if (suggested) {
      const description = `${reference.name}:${decision.suggestedTag}` + (reference.digest ? ' (without the stale digest)' : '');
      plan.suggestion = { description, edits: suggested };
    }
    return decision.reason;
  }
  const root = stagesOf(ctx.doc).find((stage) => stage.from === plan.from);
  const installingGet = root && installingGetAcross(ctx.doc, root, stageGoVersions(expansion.text, undefined, ctx.options)?.current, parseGoVersion(decision.version));
  if (installingGet) {
    return `${installingGet} builds and installs on ${plan.image}'s Go; from Go 1.18 go get only changes go.mod and installs nothing (go install pkg@version does): move the image to Go ${target.text} by hand, with go install`;
  }
  const versionRange = sourceRangeOf(expansion, tagStart, tagStart + decision.versionEnd);
  if (reference.digest && ctx.options.keepDigests) {
    return `${plan.image} is pinned by digest and older than Go ${target.text}; left unchanged (keepDigests): bump the tag and digest by hand`;
  }
  if (!versionRange) return `the Go version of ${plan.image} is assembled from several places; bump by hand`;
  plan.edits.push({ ...versionRange, text: decision.version });
  for (const message of decision.notes) plan.notesIfApplied.push({ offset: versionRange.start, message });
  if (!reference.digest) return undefined;
  const { start, end } = reference.digest;
  const digestRange = sourceRangeOf(expansion, start, end) ?? withSource(source, outerRangeOf(expansion, start, end));
  if (!digestRange) return `${plan.image} is pinned by a digest written across several places; bump the tag and digest by hand`;
  plan.edits.push({ ...digestRange, text: '' });
  plan.notesIfApplied.push({
    offset: digestRange.start,
    message: `dropped the digest of ${plan.image}: it pinned the old tag and there is no network to look up the new one; pin the new digest by hand if you need it`,
  });
  return undefined;
}

interface AstRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function withSource(source: Source, range: { start: number; end: number } | undefined) {
  return range && { source, ...range };
}

/**
 * An ARG default bumped for one FROM changes every FROM that reads it: the
 * edit stands only when all of them ask for exactly the same change there.
 */
function refuseConflictingArgEdits(plans: Plan[], notes: NoteBook): void {
  for (let changed = true; changed; ) {
    changed = false;
    const argSources = new Set(plans.flatMap((plan) => plan.edits.map((edit) => edit.source)).filter((s) => s.kind === 'arg'));
    for (const source of argSources) {
      const users = plans.filter((plan) => plan.sources.has(source));
      const wanted = new Set(users.map((plan) => plan.edits.filter((edit) => edit.source === source).map(editKey).join('|')));
      if (wanted.size <= 1) continue;
      const images = users.map((plan) => plan.image).join(', ');
      notes.add(source.instruction.start, `ARG ${source.name} feeds images that cannot all take the same change (${images}); left as is: bump by hand`);
      for (const plan of users) {
        if (plan.edits.length === 0) continue;
        plan.edits = [];
        changed = true;
      }
    }
  }
}

/** A stage's own `ARG GO_VERSION=1.23` after FROM does not choose the image; say so when its global twin was bumped. */
function noteStageArgsLeftBehind(ctx: Context, edits: SourcedEdit[], target: GoVersion, notes: NoteBook): void {
  const bumpedNames = new Set(edits.filter((edit) => edit.source.kind === 'arg').map((edit) => edit.source.name));
  if (bumpedNames.size === 0) return;
  const firstFrom = stagesOf(ctx.doc)[0]?.from.start ?? 0;
  const stageArgs = ctx.doc.instructions.filter((instruction) => instruction.keyword === 'ARG' && instruction.start > firstFrom);
  for (const declaration of globalArgDeclarations(ctx.doc, stageArgs)) {
    if (!bumpedNames.has(declaration.name) || !declaration.value) continue;
    const value = parseGoVersion(ctx.doc.text.slice(declaration.value.start, declaration.value.end));
    if (!value || compareGoVersions(value, target) >= 0) continue;
    notes.add(
      declaration.instruction.start,
      `this stage redeclares ARG ${declaration.name}=${value.text}, which does not choose the base image (FROM reads the global ARG, now bumped); left as is`,
    );
  }
}

function editKey(edit: SourcedEdit): string {
  return `${edit.start}:${edit.end}:${edit.text}`;
}

function noDefault(expansion: Expansion): string {
  const names = [...new Set(expansion.unknown)];
  return `${names.length === 1 ? 'ARG' : 'ARGs'} ${names.join(', ')} ${names.length === 1 ? 'has' : 'have'} no default value`;
}

/** The last path component is `golang` (an image name that is not fully known may still be the golang image). */
function mentionsGolang(reference: string): boolean {
  return /(?:^|\/)golang(?=[:@]|$)/.test(reference);
}

/** Notes once per place and message, however many FROMs lead there. */
class NoteBook {
  private readonly seen = new Set<string>();
  constructor(private readonly ctx: Context) {}
  add(offset: number, message: string, suggestion?: Suggestion): void {
    const key = `${offset}:${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.ctx.note(offset, message, suggestion);
  }
}

/** A suggestion that edits only this image's own text: an ARG another FROM reads is never changed by one. */
function ownSuggestion(note: PendingNote, plan: Plan, plans: readonly Plan[]): Suggestion | undefined {
  const suggestion = note.suggestion;
  if (!suggestion) return undefined;
  const shared = suggestion.edits.some((edit) => edit.source.kind === 'arg' && plans.some((other) => other !== plan && other.sources.has(edit.source)));
  if (shared) return undefined;
  return { description: suggestion.description, edits: suggestion.edits.map(({ start, end, text }) => ({ start, end, text })) };
}

/**
 * The edits that turn the tag into `suggested`: only the characters that
 * differ are replaced (the version and the variant each on their own), so a
 * variant assembled from `alpine${ALPINE}` changes in the ARG. Undefined when
 * some change has no single place to go.
 */
function suggestionEdits(expansion: Expansion, reference: ImageReference, tag: string, suggested: string): SourcedEdit[] | undefined {
  const tagStart = reference.tag!.start;
  const [oldVersion = '', ...oldRest] = tag.split('-');
  const [newVersion = '', ...newRest] = suggested.split('-');
  const parts =
    oldRest.length > 0 && newRest.length > 0
      ? [changedSpan(expansion, tagStart, oldVersion, newVersion), changedSpan(expansion, tagStart + oldVersion.length + 1, oldRest.join('-'), newRest.join('-'))]
      : [changedSpan(expansion, tagStart, tag, suggested)];
  if (parts.some((part) => part === undefined)) return undefined;
  const edits = parts.filter((edit): edit is SourcedEdit => edit !== null && edit !== undefined);
  if (reference.digest) {
    const digest = sourceRangeOf(expansion, reference.digest.start, reference.digest.end);
    if (!digest) return undefined;
    edits.push({ ...digest, text: '' });
  }
  return edits;
}

/** The edit turning `before` (at `at` in the expansion) into `after`, trimmed to what differs; null when equal. */
function changedSpan(expansion: Expansion, at: number, before: string, after: string): SourcedEdit | null | undefined {
  if (before === after) return null;
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
  if (prefix + suffix === before.length) prefix = Math.max(0, prefix - 1); // a pure insertion: replace the character before it
  const range = sourceRangeOf(expansion, at + prefix, at + before.length - suffix);
  return range && { ...range, text: after.slice(prefix, after.length - suffix) };
}
