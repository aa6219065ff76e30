import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInputError, executeIn, type Orm, type SubgraphSettings } from '@cppcc/toolkit';
import { followDivisions, type FeedFollower } from '@cppcc/organization-feed';

/**
 * Follows the organization's division changes into `division_projection`: which codes name a
 * division is read from there, never asked of the organization on a request.
 */
export function followDivisionsOfCases(
  orm: Orm,
  settings: SubgraphSettings,
  intervalMs?: number,
): FeedFollower {
  return followDivisions(orm, settings, { consumer: 'petitions', intervalMs });
}

/**
 * A division a case may concern: one the organization's feed has brought. A code it names no
 * division for (or has not brought yet) is refused with BAD_USER_INPUT on `field`: the
 * organization would resolve it to nothing, and every list holding the case would fail with it.
 */
export async function requireKnownDivision(
  em: EntityManager,
  code: string,
  field: string,
): Promise<void> {
  const [row] = await executeIn<Array<{ code: string }>>(
    em,
    'select code from division_projection where code = ?',
    [code],
  );
  if (!row) throw new BadUserInputError('There is no such division.', field);
}
