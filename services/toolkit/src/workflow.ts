import { InvalidTransitionError } from './errors';

/** A workflow as data: each step, the states it may start from, and the state it leads to. */
export type TransitionTable<State extends string> = Record<
  string,
  { from: readonly State[]; to: State }
>;

/**
 * The state a step leads to, or INVALID_TRANSITION naming the current state. Every workflow
 * (session, minutes, and those of the channels) reads its own table through this one function.
 */
export function nextState<State extends string>(
  table: TransitionTable<State>,
  what: string,
  current: State,
  step: string,
): State {
  const rule = table[step];
  if (!rule || !rule.from.includes(current)) throw new InvalidTransitionError(what, current, step);
  return rule.to;
}
