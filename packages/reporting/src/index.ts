// Reports and statistics over a period, the same in every subgraph: the period's arguments and
// their check, and the report SQL scaffold (facts grouped by dimensions, figures over them).
export {
  PERIOD_ARG_DESCRIPTIONS,
  periodOf,
  quarterBounds,
  type Period,
  type PeriodArgs,
} from './period';
export { REPORT_DEFAULT_ROWS, REPORT_MAX_ROWS } from '@cppcc/contract';
export {
  cityQuarterSql,
  cityYearSql,
  countyCodeSql,
  rate,
  reportRows,
  reportSql,
  reportWindowSql,
  townshipCodeSql,
  type DimensionColumns,
  type ReportSpec,
} from './report';
export {
  instantsWithin,
  listPeriodFields,
  listPeriodOf,
  PeriodPageArgs,
  type ListPeriod,
  type ListPeriodArgs,
} from './list-period';
export { PeriodArguments, PeriodFilter, YearOrDaysArguments } from './period-args';
export { divisionFiguresResolver, type DivisionFiguresOptions } from './division-figures';
export {
  PeriodRow,
  PlaceAndPeriodRow,
  placesOf,
  reportPageType,
  runReport,
  type ReportPage,
} from './report-page';
