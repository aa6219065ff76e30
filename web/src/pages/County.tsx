import { useQuery } from '@apollo/client';
import { useId, useMemo } from 'react';
import { formatNumber, formatPercent } from '../format';
import { CountyDocument, type CountyQuery } from '../generated/gql/office/graphql';
import { HOME_STATUS_LABEL, label } from '../labels';
import { QuarterPicker } from '../QuarterPicker';
import { quarterKey, quarterLabel, type Quarter } from '../quarters';
import { href, navigate } from '../route';
import { SURFACE_OF_LEVEL, type Session } from '../session';
import { Status } from '../Status';
import { SortableTable, type Column } from '../Table';

/** The pilot cohort: in the first year each county picks 3–4 pilots (docs/domain.md, rule 4). */
export const PILOT_COHORT_YEAR = 2019;

type CadenceRow = CountyQuery['cadenceReport']['homes'][number];

export function countyVariables(session: Session, code: string, quarter: Quarter) {
  return {
    code,
    cityCode: session.division.slice(0, 4),
    year: quarter.year,
    quarter: quarter.quarter,
    cohortYear: PILOT_COHORT_YEAR,
    withCounties: session.level === 'CITY',
  };
}

/**
 * 县区: a county's homes with the quarter's cadence, those that missed first; its pilot rollout;
 * each home a link to its page. One request.
 */
export function CountyPage({
  session,
  code,
  quarter,
  onQuarter,
}: {
  session: Session;
  code: string;
  quarter: Quarter;
  onQuarter: (quarter: Quarter) => void;
}) {
  const id = useId();
  const { data, loading, error } = useQuery(CountyDocument, {
    variables: countyVariables(session, code, quarter),
    context: { surface: SURFACE_OF_LEVEL[session.level] },
  });
  const rows = useMemo(
    () =>
      // Those that missed the quarter first, then by place and name.
      [...(data?.cadenceReport.homes ?? [])].sort(
        (a, b) =>
          Number(a.compliant) - Number(b.compliant) ||
          a.division.code.localeCompare(b.division.code) ||
          a.home.name.localeCompare(b.home.name, 'zh-CN'),
      ),
    [data],
  );
  const columns: Column<CadenceRow>[] = useMemo(
    () => [
      {
        key: 'home',
        label: '协商民主之家',
        value: (row) => row.home.name,
        render: (row) => (
          <a href={href(['home', row.home.id], { q: quarterKey(quarter) })}>{row.home.name}</a>
        ),
      },
      { key: 'division', label: '所在地', value: (row) => row.division.name },
      { key: 'status', label: '状态', value: (row) => label(HOME_STATUS_LABEL, row.home.status) },
      {
        key: 'members',
        label: '委员人数',
        value: (row) => row.home.compliance.memberCount,
        numeric: true,
        render: (row) => formatNumber(row.home.compliance.memberCount),
      },
      {
        key: 'rule1',
        label: '规则1（3名以上委员、有负责人）',
        value: (row) => (row.home.compliance.compliant ? 1 : 0),
        render: (row) => (row.home.compliance.compliant ? '达标' : '未达标'),
      },
      {
        key: 'held',
        label: '本季度活动',
        value: (row) => row.held,
        numeric: true,
        render: (row) => formatNumber(row.held),
      },
      {
        key: 'cadence',
        label: '季度开展',
        value: (row) => (row.required === 0 ? 2 : row.compliant ? 1 : 0),
        render: (row) =>
          row.required === 0 ? (
            '不要求'
          ) : row.compliant ? (
            '已开展'
          ) : (
            <strong className="missed">未开展</strong>
          ),
      },
    ],
    [quarter],
  );
  const counties = data?.counties?.edges.map((edge) => edge.node) ?? [];
  const rollout = data?.pilotRollout.find((row) => row.county.code === code);
  const total = data?.cadenceReport.total;
  return (
    <section aria-labelledby="county-title">
      <header className="page-header">
        <h1 id="county-title">县区{data?.division ? ` · ${data.division.name}` : ''}</h1>
        {session.level === 'CITY' && (
          <span className="picker">
            <label htmlFor={id}>县区</label>
            <select
              id={id}
              value={code}
              onChange={(event) =>
                navigate(['county', event.target.value], { q: quarterKey(quarter) })
              }
            >
              {counties.map((county) => (
                <option key={county.code} value={county.code}>
                  {county.name}
                </option>
              ))}
            </select>
          </span>
        )}
        <QuarterPicker value={quarter} onChange={onQuarter} />
      </header>
      <Status loading={loading} error={error} />
      {data && !data.division && <p role="alert">没有这个县区，或不在您的管辖范围内。</p>}
      {data?.division && (
        <>
          <dl className="figures">
            <div data-figure="homes">
              <dt>协商民主之家</dt>
              <dd>{formatNumber(data.division.homeStats?.homes)}</dd>
            </div>
            <div data-figure="required">
              <dt>{quarterLabel(quarter)}应开展</dt>
              <dd>{formatNumber(total?.required)}</dd>
            </div>
            <div data-figure="compliant">
              <dt>已开展</dt>
              <dd>{formatNumber(total?.compliant)}</dd>
            </div>
            <div data-figure="rate">
              <dt>开展率</dt>
              <dd>{formatPercent(total?.rate)}</dd>
            </div>
            <div data-figure="pilots">
              <dt>{PILOT_COHORT_YEAR}年试点（目标3–4个）</dt>
              <dd>
                {rollout
                  ? `${formatNumber(rollout.pilotHomes)}（${rollout.onTarget ? '达到目标' : '未达目标'}）`
                  : '—'}
              </dd>
            </div>
          </dl>
          <SortableTable
            name="county-homes"
            caption={`${data.division.name}各协商民主之家${quarterLabel(quarter)}开展情况（未开展的在前）`}
            columns={columns}
            rows={rows}
            rowKey={(row) => row.home.id}
          />
        </>
      )}
    </section>
  );
}
