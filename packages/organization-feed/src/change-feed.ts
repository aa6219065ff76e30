import type { EntityManager } from '@mikro-orm/postgresql';
import { executeIn, type Change, type Orm } from '@cppcc/toolkit';
import {
  CALLER_HEADER,
  signCallerToken,
  type Logger,
  recordFeedFailure,
  recordFeedProgress,
} from '@cppcc/contract';

/**
 * A change (its `seq` the position a follower asks after) is the toolkit's: the serving side
 * (`changeFeedRoute`) and this follower agree on it.
 */
export type { Change };

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
 * The drains of one service's followers, one after another: a service follows several feeds
 * (homes, departments, members, participants, another service's events …) on timers that fire
 * together, and each drain takes a connection of the service's pool; run at once they would hold
 * as many connections as there are feeds, in every replica. Queued per ORM, they hold one.
 */
const drains = new WeakMap<Orm, Promise<unknown>>();

function oneAtATime<T>(orm: Orm, work: () => Promise<T>): Promise<T> {
  const turn = (drains.get(orm) ?? Promise.resolve()).catch(() => undefined).then(work);
  drains.set(orm, turn);
  return turn;
}

/**
 * Follows another service's change feed into this service's database: pages of changes after
 * the stored cursor are applied and the cursor moved in one transaction, so a restart resumes
 * where it stopped with nothing lost or applied twice. Needs the `change_cursor` table.
 *
 * Several replicas of the service may follow the same feed: a page is applied only by the
 * transaction that holds the feed's cursor row (`for update`) and finds the cursor still where the
 * page was read from. A replica that finds the row held skips its turn; one that finds the cursor
 * moved reads again from there. So one replica applies a page at a time and none applies it twice.
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
  let cursorRowExists = false;

  const fetchPage = async (after: number): Promise<C[]> => {
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
    const response = await fetch(`${feed.url}?after=${after}&limit=${PAGE}`, {
      headers: { [CALLER_HEADER]: token },
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`${feed.url} answered ${response.status}`);
    return ((await response.json()) as { changes: C[] }).changes;
  };

  /**
   * Applies every page available now; returns how many changes it applied. With `wait`, a page
   * another replica is applying is waited for (and then read past); without, it ends the drain.
   */
  const drain = async (wait: boolean): Promise<number> => {
    let applied = 0;
    for (;;) {
      const em = orm.em.fork();
      if (!cursorRowExists) {
        // The row replicas lock; the first of them to start creates it.
        await executeIn(
          em,
          'insert into change_cursor (feed, position) values (?, 0) on conflict (feed) do nothing',
          [feed.name],
        );
        cursorRowExists = true;
      }
      const [cursor] = await executeIn<Array<{ position: string }>>(
        em,
        'select position from change_cursor where feed = ?',
        [feed.name],
      );
      if (!cursor) {
        // Removed by hand meanwhile: created again, from the start.
        cursorRowExists = false;
        continue;
      }
      const after = Number(cursor.position);
      // Read outside any transaction: no lock is held while the other service answers.
      const changes = await fetchPage(after);
      if (!changes.length) {
        recordFeedProgress(feed.name, after, true);
        return applied;
      }
      const last = changes[changes.length - 1].seq;
      const outcome = await em.transactional(async (tx) => {
        const [held] = await executeIn<Array<{ position: string }>>(
          tx,
          `select position from change_cursor where feed = ? for update${wait ? '' : ' skip locked'}`,
          [feed.name],
        );
        if (!held) return 'busy';
        if (Number(held.position) !== after) return 'moved';
        await feed.apply(tx, changes);
        await executeIn(tx, 'update change_cursor set position = ? where feed = ?', [
          last,
          feed.name,
        ]);
        return 'applied';
      });
      if (outcome === 'busy') return applied;
      if (outcome === 'applied') {
        recordFeedProgress(feed.name, last, changes.length < PAGE);
        applied += changes.length;
        if (changes.length < PAGE) return applied;
      }
    }
  };

  // One warning when the feed (or this service's database) becomes unavailable, one line when it
  // is back, rather than a warning a second while it is away.
  let failingSince: number | undefined;
  const tick = async () => {
    try {
      running = oneAtATime(orm, () => drain(false));
      const applied = await running;
      if (applied) logger.debug({ feed: feed.name, applied }, 'changes applied');
      if (failingSince !== undefined) {
        logger.info(
          { feed: feed.name, unavailableMs: Date.now() - failingSince },
          'change feed available again',
        );
        failingSince = undefined;
      }
    } catch (error) {
      recordFeedFailure(feed.name);
      if (failingSince === undefined) {
        failingSince = Date.now();
        logger.warn({ feed: feed.name, err: error }, 'change feed unavailable; retrying');
      } else logger.debug({ feed: feed.name, err: error }, 'change feed still unavailable');
    } finally {
      running = undefined;
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    }
  };
  void tick();

  return {
    catchUp: async () => {
      await running?.catch(() => undefined);
      await oneAtATime(orm, () => drain(true));
    },
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
