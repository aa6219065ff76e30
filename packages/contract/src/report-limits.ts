// The report limits are part of the contract: the gateway prices a report by its rows.

/** Groups a report returns when the request names no `first`. */
export const REPORT_DEFAULT_ROWS = 500;
/**
 * Groups a report returns at most. The gateway counts a report's rows at its `first` (or the
 * default) in the cost of a request, so what each row adds (a county's name, another subgraph's
 * figures) is paid for; a report with more groups says `truncated`.
 */
export const REPORT_MAX_ROWS = 2_000;
