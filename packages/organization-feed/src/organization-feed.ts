import type { EntityManager } from '@mikro-orm/postgresql';
import { followChanges, type Change, type FeedFollower } from './change-feed';
import type { Orm, SubgraphSettings } from '@cppcc/toolkit';

/**
 * Where a follower keeps its place in each feed it follows; every projection's DDL creates it
 * when it is not there yet, so a consumer may follow any of the feeds first.
 */
export const CHANGE_CURSOR_DDL = `
  create table if not exists change_cursor (
    feed text primary key,
    position bigint not null
  );
`;

export interface OrganizationFeedOptions<C extends Change> {
  /** What the feed carries, its path's first word: `homes` is `/internal/home-changes`. */
  records: 'homes' | 'departments' | 'divisions' | 'members' | 'participants';
  /** The consumer's name, e.g. `deliberation`. */
  consumer: string;
  /** The id of the record a change is about. */
  recordId(change: C): string;
  /** Applies the latest state of each record the page changed, in the page's transaction. */
  apply(tx: EntityManager, latest: C[]): Promise<void>;
  intervalMs?: number;
}

/**
 * Follows one of the organization's outboxes into a projection in the consumer's own schema.
 * A page may change a record several times: only the last change of each is its state now.
 */
export function followOrganization<C extends Change>(
  orm: Orm,
  settings: SubgraphSettings,
  options: OrganizationFeedOptions<C>,
): FeedFollower {
  if (!settings.organizationUrl)
    throw new Error(`${options.consumer} needs ORGANIZATION_URL to follow ${options.records}`);
  const path = `/internal/${options.records.replace(/s$/, '')}-changes`;
  return followChanges<C>(
    orm,
    settings.logger,
    {
      name: `organization.${options.records}`,
      url: new URL(path, settings.organizationUrl).toString(),
      consumer: options.consumer,
      internalAuthSecret: settings.internalAuthSecret,
      apply: (tx, changes) =>
        options.apply(tx, [
          ...new Map(changes.map((change) => [options.recordId(change), change])).values(),
        ]),
    },
    options.intervalMs,
  );
}
