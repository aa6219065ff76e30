/**
 * One condition of a filter over SQL: the condition (`d.status in (?)`), the filter's value for
 * it, and, when its parameters are not the value itself, a function making them
 * (`() => [`${likeEscape(code)}%`]`), called only when the value is given.
 */
export type Condition = readonly [sql: string, value: unknown, params?: () => readonly unknown[]];

/** A filter's value is given unless null or undefined, an empty string or an empty list. */
function given(value: unknown): boolean {
  if (value == null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * The conditions of a filter whose value is given, as SQL to follow a `where` (` and …` each, in
 * order) with its parameters; `false` is a value (`isPetition: false`). For the report and list
 * statements written in SQL.
 */
export function conditionsSql(conditions: readonly Condition[]): {
  sql: string;
  params: unknown[];
} {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [sql, value, paramsOf] of conditions) {
    if (!given(value)) continue;
    parts.push(` and ${sql}`);
    params.push(...(paramsOf ? paramsOf() : [value]));
  }
  return { sql: parts.join(''), params };
}
