/**
 * `schema/CHANGELOG.md`, written per surface from the checked changes: `npm run schema` puts one
 * entry at the top of the generated part for what the code changes against HEAD, and rewrites
 * that entry on each run until it is committed. Everything else in the file (the hand-written
 * history, committed entries) is kept as it stands.
 */
import type { Change } from '@graphql-inspector/core';
import type { ChangeCheck, JudgedChange, SchemaName } from './schema-changes';

/** The line under which entries are written, newest first. */
export const CHANGELOG_MARK =
  '<!-- npm run schema writes an entry below this line for each schema change, newest first; the rest of the file is kept as written -->';

const ENTRY_MARK = /<!-- schema-diff after=(\S+) -->/;

function line(change: Change, judged?: JudgedChange): string {
  const since = judged?.deprecation ? ` (deprecated since ${judged.deprecation.since})` : '';
  return `- ${change.message}${since}`;
}

/**
 * The changelog entry for one check: per surface, its breaking changes (each allowed by a
 * deprecation), dangerous changes and the others; null when no surface changed.
 */
export function changelogEntry(
  check: ChangeCheck,
  surfaces: readonly SchemaName[],
  date: string,
  head: string | null,
): string | null {
  const parts: string[] = [];
  for (const surface of surfaces) {
    const changes = check.changes.get(surface) ?? [];
    if (!changes.length) continue;
    const judged = new Map(
      [...check.allowed, ...check.refused]
        .filter((entry) => entry.schema === surface)
        .map((entry) => [entry.change, entry]),
    );
    const groups: Array<[string, Change[]]> = [
      ['Breaking', changes.filter((change) => change.criticality.level === 'BREAKING')],
      ['Dangerous', changes.filter((change) => change.criticality.level === 'DANGEROUS')],
      ['Safe', changes.filter((change) => change.criticality.level === 'NON_BREAKING')],
    ];
    parts.push(`### ${surface}`);
    for (const [title, group] of groups)
      if (group.length)
        parts.push(
          `${title}:\n\n${group.map((change) => line(change, judged.get(change))).join('\n')}`,
        );
  }
  if (!parts.length) return null;
  const after = head ? `after ${head.slice(0, 7)}` : 'first entry';
  return [`## ${date}, ${after}`, `<!-- schema-diff after=${head ?? 'none'} -->`, ...parts].join(
    '\n\n',
  );
}

/** Splits a markdown text into its preamble and its `## ` sections. */
function sections(text: string): string[] {
  return text.split(/\n(?=## )/);
}

/**
 * The changelog with the entry for the current change: entries not committed yet (absent from
 * the committed file) are replaced by this one, keeping the date of one written for the same
 * HEAD; committed entries and hand-written text stay. The mark line is added before the first
 * section when the file has none.
 */
export function writeChangelog(
  current: string,
  committed: string | null,
  entry: string | null,
): string {
  const committedMarks = new Set(
    [...(committed ?? '').matchAll(new RegExp(ENTRY_MARK, 'g'))].map((m) => m[0]),
  );
  let text = current;
  if (!text.includes(CHANGELOG_MARK)) {
    const [preamble, ...rest] = sections(text);
    text = [`${preamble.trimEnd()}\n\n${CHANGELOG_MARK}\n`, ...rest].join('\n');
  }
  let kept = entry;
  const parts = sections(text).filter((part) => {
    const mark = part.match(ENTRY_MARK);
    if (!mark || committedMarks.has(mark[0])) return true;
    if (entry && kept && entry.includes(mark[0])) {
      const date = part.match(/^## (\S+),/)?.[1];
      if (date) kept = kept.replace(/^## \S+,/, `## ${date},`);
    }
    return false;
  });
  const joined = parts.join('\n');
  if (!kept) return `${joined.trimEnd()}\n`;
  const at = joined.indexOf(CHANGELOG_MARK) + CHANGELOG_MARK.length;
  return (
    `${joined.slice(0, at)}\n\n${kept}\n${joined.slice(at).replace(/^\n*/, '\n')}`.trimEnd() + '\n'
  );
}
