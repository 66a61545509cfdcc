import { describe, expect, it } from 'vitest';
import { scriptTextBuilds } from '../src/model/cache-flow.js';
import { makeGoalsBuild, makeInvocationOf, parseMakefile } from '../src/model/makefile.js';
import { identityText, parseScript } from '../src/shell.js';

const MAKEFILE = [
  'GO ?= go',
  'BIN := bin/svc',
  '.PHONY: build patch-asn1 all deps',
  '',
  'all: build',
  '',
  'build: deps',
  '\tgo build -o bin/svc ./cmd/svc',
  '',
  'deps:',
  '\t@echo fetching',
  '',
  'patch-asn1:',
  '\tsed -i "s/a/b/" vendor/x.go',
  '',
  'release: ; $(GO) build ./...',
  '',
  'lint: tools/check.go',
  '\tgofmt -l .',
  '',
].join('\n');

const builds = (text: string, goals: string[]): boolean => makeGoalsBuild(text, goals, scriptTextBuilds);

describe('makeGoalsBuild', () => {
  it('reads the recipe of the goal asked for', () => {
    expect(builds(MAKEFILE, ['patch-asn1'])).toBe(false);
    expect(builds(MAKEFILE, ['build'])).toBe(true);
  });
  it('follows prerequisites and the default goal (the first target)', () => {
    expect(builds(MAKEFILE, [])).toBe(true);
    expect(builds(MAKEFILE, ['deps'])).toBe(false);
    expect(builds(MAKEFILE, ['lint'])).toBe(false);
  });
  it('counts a recipe that uses a make variable as a build', () => {
    expect(builds(MAKEFILE, ['release'])).toBe(true);
    expect(builds('x:\n\t$(GOBUILD) -o bin/x\n', ['x'])).toBe(true);
    expect(builds('x:\n\techo $$HOME\n', ['x'])).toBe(false);
  });
  it('puts in the variables the Makefile assigns once, and reads their $(shell ...)', () => {
    expect(builds('GOROOT := $(shell go env GOROOT)\npatch::\n\tpatch -N -d $(GOROOT)/src -i fix.diff\n', ['patch'])).toBe(false);
    expect(builds('DIR = $(CURDIR)/out\nclean:\n\trm -rf $(DIR) ${DIR}\n', ['clean'])).toBe(false);
    expect(builds('GOBUILD := go build\nx:\n\t$(GOBUILD) -o bin/x\n', ['x'])).toBe(true);
    expect(builds('V := $(shell go build ./... && echo 1)\nx:\n\techo $(V)\n', ['x'])).toBe(true);
    expect(builds('FLAGS := -v\nFLAGS += -x\nx:\n\techo $(FLAGS)\n', ['x'])).toBe(true);
    expect(builds('A := $(B)\nx:\n\techo $(A)\n', ['x'])).toBe(true);
    expect(builds('x:\n\techo $(MAKE) $(patsubst %.go,%,$(wildcard *.go))\n', ['x'])).toBe(true);
  });
  it('counts what it cannot follow as a build', () => {
    expect(builds(MAKEFILE, ['unknown-goal'])).toBe(true);
    expect(builds('include common.mk\nfix:\n\tsed -i s/a/b/ x\nfix: gen\n', ['fix'])).toBe(true);
    expect(builds('', [])).toBe(true);
  });
  it('reads a target no explicit rule makes through every pattern rule it matches', () => {
    expect(builds('all: a.so\n%.so: %.c\n\tgcc -shared $< -o $@\n', [])).toBe(false);
    expect(builds('%.o: %.c\n\tcc $<\nclean:\n\trm -rf bin\nclean: out.o\n', ['clean'])).toBe(false);
    expect(builds('all: app.bin\n%.bin: %.go\n\tgo build -o $@ $<\n', [])).toBe(true);
    expect(builds('all: a.so\n%.so: %.c\n\tgcc -shared $< -o $@\n%.so: %.go\n\tgo build -buildmode=c-shared -o $@ $<\n', [])).toBe(true);
    // The prerequisite of a pattern, with the stem put in, is followed in turn.
    expect(builds('all: a.so\n%.so: %.gen\n\tgcc $< -o $@\na.gen:\n\tgo run ./gen\n', [])).toBe(true);
    expect(builds('%.so: %.c\n\tgcc $< -o $@\n', ['lib.so'])).toBe(false);
    expect(builds('%.so: %.c\n\tgcc $< -o $@\n', ['other'])).toBe(true);
  });
  it('reads a go found with $(shell which go) as go, and targets that start with a dot', () => {
    expect(builds('GO=$(shell which go)\nbuild:\n\t$(GO) build -o app .\n', ['build'])).toBe(true);
    expect(builds('GO := $(shell command -v go)\nbuild:\n\t$(GO) build -o app .\n', ['build'])).toBe(true);
    expect(builds('GOROOT := $(shell go env GOROOT)\nfix:\n\tls $(GOROOT)\n', ['fix'])).toBe(false);
    expect(builds('.just-build:\n\ttouch just-build\n', ['.just-build'])).toBe(false);
    expect(builds('.just-build:\n\tgo build .\n', ['.just-build'])).toBe(true);
    // A target that starts with a dot is never the default goal.
    expect(builds('.prep:\n\tgo build .\nall:\n\ttouch done\n', [])).toBe(false);
  });
  it('joins continued recipe lines and honours .DEFAULT_GOAL', () => {
    expect(builds('patch:\n\tsed -i s/a/b/ x \\\n\t  && go \\\n  build .\n', ['patch'])).toBe(true);
    expect(builds('.DEFAULT_GOAL := tidy\nbuild:\n\tgo build .\ntidy:\n\techo ok\n', [])).toBe(false);
  });
  it('does not take an assignment for a rule', () => {
    const makefile = parseMakefile('A := b\nB ::= c\nC ?= d\nall:\n\techo\n');
    expect([...makefile.rules.keys()]).toEqual(['all']);
  });
});

describe('makeInvocationOf', () => {
  const invocation = (text: string) => makeInvocationOf(parseScript(identityText(text, 0, text.length), { script: false }).commands[0]!);
  it('reads goals, -f and -C and skips variables and options', () => {
    expect(invocation('make -j 4 GOFLAGS=-mod=vendor -C src -f build.mk patch all')).toEqual({ goals: ['patch', 'all'], directory: 'src', makefile: 'build.mk' });
    expect(invocation('make --file=x.mk -Csub')).toEqual({ goals: [], makefile: 'x.mk', directory: 'sub' });
  });
  it('takes the word after -j as a goal unless it is a number', () => {
    expect(invocation('make -j build')).toEqual({ goals: ['build'] });
    expect(invocation('make -j 8 -l 2.5 build')).toEqual({ goals: ['build'] });
  });
  it('gives up on a goal it cannot read', () => {
    expect(invocation('make $TARGET')).toBeUndefined();
  });
});
