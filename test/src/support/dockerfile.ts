import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');

export interface Instruction {
  keyword: string;
  args: string;
}

/** A Dockerfile's stages, each a list of instructions (continuation lines joined, comments dropped). */
export function stagesOf(dockerfile: string): Instruction[][] {
  const text = readFileSync(join(ROOT, dockerfile), 'utf8').replace(/\\\r?\n/g, ' ');
  const stages: Instruction[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(trimmed)!;
    const instruction = { keyword: keyword.toUpperCase(), args: args.trim() };
    if (instruction.keyword === 'FROM') stages.push([]);
    stages.at(-1)?.push(instruction);
  }
  return stages;
}

/** The stage the image runs: the last one. */
export function runtimeStageOf(dockerfile: string): Instruction[] {
  const runtime = stagesOf(dockerfile).at(-1);
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
