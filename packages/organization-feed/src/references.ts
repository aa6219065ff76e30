import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, isUuid } from '@cppcc/contract';
import { executeIn } from '@cppcc/toolkit';

/** What a record may name of the organization's, each known from its feed's projection. */
export type ReferenceKind = 'department' | 'member' | 'participant';

/** One id a write names, and where in the input it stands (`input.entries.0.attendeeId`). */
export interface Reference {
  kind: ReferenceKind;
  id: string;
  field: string;
}

const PROJECTION: Record<ReferenceKind, string> = {
  department: 'department_projection',
  member: 'member_projection',
  participant: 'participant_projection',
};

/** The references of a list input, each at its index (`input.authorMemberIds.2`). */
export function referencesAt(
  kind: ReferenceKind,
  ids: readonly string[] | null | undefined,
  field: string,
): Reference[] {
  return (ids ?? []).map((id, index) => ({ kind, id, field: `${field}.${index}` }));
}

/**
 * Whether a department, member or participant placed in `placedIn` (its division code as its
 * projection has it) may be named by a record of county (or city) `county`: a department or a
 * member belongs to the county or to the city above it (its code a prefix of the county's); a
 * participant, who lives in a village or community, lives within the county.
 */
export function belongsTo(kind: ReferenceKind, placedIn: string, county: string): boolean {
  return kind === 'participant' ? placedIn.startsWith(county) : county.startsWith(placedIn);
}

function refusal(kind: ReferenceKind, county: string): string {
  if (county.length < 6) return `There is no such ${kind} in the city.`;
  return `There is no such ${kind} in this county${kind === 'participant' ? '' : ' or the city'}.`;
}

/**
 * The one rule of what a record may name (docs/domain.md, "What a record may name"): a record in
 * division `divisionCode` may name a department, a member or a participant only if the service
 * knows it from the organization's feeds and it belongs to the record's county or to the city
 * above it (`belongsTo`). BAD_USER_INPUT on the first reference, in input order, that does not:
 * the same answer for one of another county as for one that does not exist, and never the id.
 * A record created in the organization a moment ago may be unknown here for up to a second.
 */
export async function requireReferences(
  em: EntityManager,
  divisionCode: string,
  references: readonly Reference[],
): Promise<void> {
  if (!references.length) return;
  const county = divisionCode.slice(0, 6);
  const placed = new Map<string, string>();
  for (const kind of Object.keys(PROJECTION) as ReferenceKind[]) {
    const ids = [
      ...new Set(
        references
          .filter((reference) => reference.kind === kind && isUuid(reference.id))
          .map((reference) => reference.id.toLowerCase()),
      ),
    ];
    if (!ids.length) continue;
    const rows = await executeIn<Array<{ id: string; division_code: string }>>(
      em,
      `select id::text as id, division_code from ${PROJECTION[kind]} where id = any(array[?]::uuid[])`,
      [ids],
    );
    for (const row of rows) placed.set(`${kind}:${row.id}`, row.division_code);
  }
  for (const reference of references) {
    const placedIn = placed.get(`${reference.kind}:${reference.id.toLowerCase()}`);
    if (placedIn == null || !belongsTo(reference.kind, placedIn, county)) {
      throw new BadUserInputError(refusal(reference.kind, county), reference.field);
    }
  }
}
