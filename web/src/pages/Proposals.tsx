import { useQuery } from '@apollo/client';
import { print } from 'graphql';
import { useId, useMemo, useState } from 'react';
import { formatDay, formatDecimal, formatNumber, formatPercent } from '../format';
import { ProposalsDocument, type ProposalsQuery } from '../generated/gql/department/graphql';
import { SURFACE_OF_LEVEL, type Session } from '../session';
import { Status } from '../Status';
import { SortableTable, type Column } from '../Table';

/** Proposals due within this many days count as due soon. */
export const DUE_SOON_DAYS = 14;

type DepartmentRow = ProposalsQuery['byDepartment']['rows'][number] & {
  key: string;
  dueSoon: number;
  classes: Record<string, number>;
};

const CLASSES = ['A', 'B', 'C', 'D'] as const;

/** Today in China Standard Time, as a `Date` (YYYY-MM-DD). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Open proposals not yet overdue whose reply is due within DUE_SOON_DAYS, from today. */
export function isDueSoon(proposal: { dueOn?: string | null; isOverdue: boolean }, on = today()) {
  return Boolean(
    proposal.dueOn &&
    !proposal.isOverdue &&
    proposal.dueOn >= on &&
    proposal.dueOn <= addDays(on, DUE_SOON_DAYS),
  );
}

/**
 * 提案办理: proposals by lead department for a year: assigned, replied, overdue, due soon and the
 * reply classes; the same table as CSV through the gateway's export. One request.
 */
export function ProposalsPage({
  session,
  year,
  onYear,
}: {
  session: Session;
  year: number;
  onYear: (year: number) => void;
}) {
  const id = useId();
  const surface = SURFACE_OF_LEVEL[session.level];
  const [exportProblem, setExportProblem] = useState<string>();
  const { data, loading, error } = useQuery(ProposalsDocument, {
    variables: { year },
    context: { surface },
  });
  const open = useMemo(() => data?.open.edges.map((edge) => edge.node) ?? [], [data]);
  const rows = useMemo<DepartmentRow[]>(
    () =>
      (data?.byDepartment.rows ?? []).map((row) => {
        const departmentId = row.department?.id;
        const classes = Object.fromEntries(
          CLASSES.map((resultClass) => [
            resultClass,
            data?.byClass.rows.find(
              (candidate) =>
                candidate.department?.id === departmentId && candidate.resultClass === resultClass,
            )?.count ?? 0,
          ]),
        );
        return {
          ...row,
          key: departmentId ?? 'none',
          classes,
          dueSoon: open.filter(
            (proposal) => proposal.leadDepartment?.id === departmentId && isDueSoon(proposal),
          ).length,
        };
      }),
    [data, open],
  );
  const columns: Column<DepartmentRow>[] = [
    { key: 'department', label: '承办单位', value: (row) => row.department?.name ?? '未交办' },
    ...(
      [
        ['count', '交办', (row: DepartmentRow) => row.count],
        ['replied', '已答复', (row: DepartmentRow) => row.replied],
        ['dueSoon', `${DUE_SOON_DAYS}天内到期`, (row: DepartmentRow) => row.dueSoon],
        ['overdue', '逾期', (row: DepartmentRow) => row.overdue],
        ...CLASSES.map(
          (resultClass) =>
            [
              `class${resultClass}`,
              `${resultClass}类`,
              (row: DepartmentRow) => row.classes[resultClass],
            ] as const,
        ),
      ] as const
    ).map(([key, text, value]) => ({
      key,
      label: text,
      value,
      numeric: true,
      render: (row: DepartmentRow) => formatNumber(value(row)),
    })),
    {
      key: 'averageDaysToReply',
      label: '平均答复天数',
      value: (row) => row.averageDaysToReply,
      numeric: true,
      render: (row) => formatDecimal(row.averageDaysToReply),
    },
    {
      key: 'satisfactionRate',
      label: '满意率',
      value: (row) => row.satisfactionRate,
      numeric: true,
      render: (row) => formatPercent(row.satisfactionRate),
    },
  ];
  const exportCsv = async () => {
    setExportProblem(undefined);
    // The gateway's export runs the same operation under the same token (docs/reports.md).
    const response = await fetch(`/graphql/${surface}/export.csv?path=byDepartment.rows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ query: print(ProposalsDocument), variables: { year } }),
    });
    if (!response.ok) {
      setExportProblem(`导出失败（HTTP ${response.status}）`);
      return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `提案办理-${year}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const thisYear = Number(today().slice(0, 4));
  return (
    <section aria-labelledby="proposals-title">
      <header className="page-header">
        <h1 id="proposals-title">提案办理</h1>
        <span className="picker">
          <label htmlFor={id}>年度</label>
          <select id={id} value={year} onChange={(event) => onYear(Number(event.target.value))}>
            {Array.from({ length: 6 }, (_, i) => thisYear - i).map((choice) => (
              <option key={choice} value={choice}>
                {choice}年
              </option>
            ))}
          </select>
        </span>
        <button type="button" onClick={() => void exportCsv()} data-action="export">
          导出CSV
        </button>
      </header>
      {exportProblem && <p role="alert">{exportProblem}</p>}
      <Status loading={loading} error={error} />
      {data && (
        <>
          <SortableTable
            name="proposals"
            caption={`${year}年提案按承办单位（主办）统计（点击表头排序）`}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.key}
            initialSort={{ key: 'overdue', descending: true }}
          />
          <h2>
            {DUE_SOON_DAYS}天内到期的提案
            {data.open.totalCount > open.length
              ? `（办理中共 ${data.open.totalCount} 件，以下据最近 ${open.length} 件）`
              : ''}
          </h2>
          {!open.some((proposal) => isDueSoon(proposal)) && <p>暂无。</p>}
          <ul className="due" data-list="due-soon">
            {open
              .filter((proposal) => isDueSoon(proposal))
              .map((proposal) => (
                <li key={proposal.id}>
                  {proposal.title} · {proposal.leadDepartment?.name ?? '—'} ·{' '}
                  {formatDay(proposal.dueOn)}前答复
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
