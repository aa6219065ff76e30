import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');

export interface Instruction {
  keyword: string;
  args: string;
}

/** The build arguments a Dockerfile is built with (Compose's `build.args`, `--build-arg`). */
export type BuildArgs = Record<string, string>;

/**
 * A Dockerfile's stages, each a list of instructions (continuation lines joined, comments dropped),
 * with the stage's `ARG`s (`buildArgs`, else their defaults) substituted as Docker does
 * (`$NAME`, `${NAME}`) in every later instruction of that stage.
 */
export function stagesOf(dockerfile: string, buildArgs: BuildArgs = {}): Instruction[][] {
  const text = readFileSync(join(ROOT, dockerfile), 'utf8').replace(/\\\r?\n/g, ' ');
  const stages: Instruction[][] = [];
  let args: BuildArgs = {};
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, keyword, rest] = /^(\S+)\s*(.*)$/.exec(trimmed)!;
    const instruction = { keyword: keyword.toUpperCase(), args: rest.trim() };
    if (instruction.keyword === 'FROM') {
      stages.push([]);
      args = {};
    } else if (instruction.keyword === 'ARG') {
      const [, name, fallback] = /^(\w+)(?:=(.*))?$/.exec(instruction.args)!;
      args[name] = buildArgs[name] ?? fallback ?? '';
    } else {
      instruction.args = instruction.args.replace(
        /\$(?:\{(\w+)\}|(\w+))/g,
        (whole, braced?: string, bare?: string) => args[braced ?? bare ?? ''] ?? whole,
      );
    }
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** The stage the image runs: the last one. */
export function runtimeStageOf(dockerfile: string, buildArgs: BuildArgs = {}): Instruction[] {
  const runtime = stagesOf(dockerfile, buildArgs).at(-1);
  if (!runtime) throw new Error(`${dockerfile} has no FROM`);
  return runtime;
}

export function argsOf(stage: Instruction[], keyword: string): string[] {
  return stage.filter((instruction) => instruction.keyword === keyword).map((i) => i.args);
}

/** A COPY line's parts: its flags (`--from=build`), its sources and its destination. */
export function copyOf(args: string): { flags: string[]; sources: string[]; destination: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((word) => word.startsWith('--'));
  const paths = words.filter((word) => !word.startsWith('--'));
  return { flags, sources: paths.slice(0, -1), destination: paths.at(-1) ?? '' };
}

/** True when a COPY from the build context (not from another stage) brings `path` into the image. */
export function copiesFromContext(stage: Instruction[], path: string): boolean {
  return argsOf(stage, 'COPY')
    .map(copyOf)
    .filter(({ flags }) => !flags.some((flag) => flag.startsWith('--from')))
    .some(({ sources }) =>
      sources.some((source) => {
        const folder = source.replace(/\/$/, '');
        return path === folder || path.startsWith(`${folder}/`);
      }),
    );
}
