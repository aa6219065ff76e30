/**
 * A small seeded pseudo-random generator for demo data. Demo data must be reproducible (the same
 * seed gives byte-identical rows), so nothing here touches Math.random or the clock.
 */

/** FNV-1a over a string: turns a label into 32 bits for deriving sub-streams. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A weighted choice: the value and its relative weight (any positive number). */
export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/**
 * mulberry32: 32 bits of state, fast, and good enough for picking names and dates. Not for
 * anything secret.
 */
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /**
   * An independent stream named by `label`: each part of the generator draws from its own stream,
   * so a change in how one part draws does not reshuffle the others.
   */
  fork(label: string): Random {
    return new Random(
      Math.imul(this.seed ^ hashLabel(label), 0x9e3779b1) ^ hashLabel(`${label}#${this.seed}`),
    );
  }

  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    if (max < min) throw new Error(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array. */
  pick<T>(items: ReadonlyArray<T>): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** One value, chosen in proportion to its weight. */
  weighted<T>(choices: Weighted<T>): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates); the input stays as it was. */
  shuffle<T>(items: ReadonlyArray<T>): T[] {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  /** `count` distinct elements (fewer when the list is shorter), in random order. */
  sample<T>(items: ReadonlyArray<T>, count: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, count));
  }

  /** A string of `length` random decimal digits. */
  digits(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += String(this.int(0, 9));
    return out;
  }
}

/** A generator for a seed (any integer; only its low 32 bits count). */
export function createRandom(seed: number): Random {
  return new Random(seed);
}
