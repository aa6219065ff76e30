import type { EntityManager } from '@mikro-orm/postgresql';
import { executeIn, type Orm } from './database';
import { CALLER_HEADER, signCallerToken } from './identity';
import type { Logger } from './logger';
import { recordFeedFailure, recordFeedProgress } from './metrics';

/** One change of another service's records, in the order that service recorded them. */
export interface Change {
  seq: number;
}

export interface ChangeFeed<C extends Change> {
  /** The name the consumer's cursor is kept under, e.g. `organization.homes`. */
  name: string;
  /** The feed's endpoint, e.g. `http://organization:4001/internal/home-changes`. */
  url: string;
  /** The consumer's name, signed into its requests (`service:<name>`). */
  consumer: string;
  internalAuthSecret: string;
  /** Applies a page of changes inside the transaction that also moves the cursor. */
  apply(tx: EntityManager, changes: C[]): Promise<void>;
}

export interface FeedFollower {
  /** Resolves once every change recorded before the call has been applied. */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

const PAGE = 500;

/**
 * Follows another service's change feed into this service's database: pages of changes after
 * the stored cursor are applied and the cursor moved in one transaction, so a restart resumes
 * where it stopped with nothing lost or applied twice. Needs the `change_cursor` table.
 */
export function followChanges<C extends Change>(
  orm: Orm,
  logger: Logger,
  feed: ChangeFeed<C>,
  intervalMs = 1_000,
): FeedFollower {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** Where the follower stands: read from the database once, then kept as pages are applied. */
  let position: number | undefined;

  /** Applies every page available now; returns how many changes it applied. */
  const drain = async (): Promise<number> => {
    let applied = 0;
    for (;;) {
      const em = orm.em.fork();
      if (position === undefined) {
        const [cursor] = await executeIn<Array<{ position: string }>>(
          em,
          'select position from change_cursor where feed = ?',
          [feed.name],
        );
        position = cursor ? Number(cursor.position) : 0;
      }
      const token = await signCallerToken(
        {
          subject: `service:${feed.consumer}`,
          level: 'CITY',
          division: '',
          roles: [],
          surface: 'city',
        },
        feed.internalAuthSecret,
      );
      const response = await fetch(`${feed.url}?after=${position}&limit=${PAGE}`, {
        headers: { [CALLER_HEADER]: token },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) throw new Error(`${feed.url} answered ${response.status}`);
      const { changes } = (await response.json()) as { changes: C[] };
      if (!changes.length) {
        recordFeedProgress(feed.name, position, true);
        return applied;
      }
      const last = changes[changes.length - 1].seq;
      await em.transactional(async (tx) => {
        await feed.apply(tx, changes);
        await executeIn(
          tx,
          `insert into change_cursor (feed, position) values (?, ?)
           on conflict (feed) do update set position = excluded.position`,
          [feed.name, last],
        );
      });
      // Only once the transaction committed: a failed page is fetched again from where it was.
      position = last;
      recordFeedProgress(feed.name, position, changes.length < PAGE);
      applied += changes.length;
      if (changes.length < PAGE) return applied;
    }
  };

  const tick = async () => {
    try {
      running = drain();
      const applied = await running;
      if (applied) logger.debug({ feed: feed.name, applied }, 'changes applied');
    } catch (error) {
      recordFeedFailure(feed.name);
      logger.warn({ feed: feed.name, err: error }, 'change feed unavailable; retrying');
    } finally {
      running = undefined;
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    }
  };
  void tick();

  return {
    catchUp: async () => {
      await running?.catch(() => undefined);
      await drain();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
