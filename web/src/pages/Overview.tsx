import { useQuery } from '@apollo/client';
import { useMemo } from 'react';
import { Chart, type ChartOption } from '../Chart';
import { formatNumber, formatPercent } from '../format';
import { OverviewDocument, type OverviewQuery } from '../generated/gql/office/graphql';
import { CHANNEL_LABEL, label } from '../labels';
import { QuarterPicker } from '../QuarterPicker';
import { quarterDays, quarterKey, quarterLabel, quartersUpTo, type Quarter } from '../quarters';
import { href } from '../route';
import { SURFACE_OF_LEVEL, type Session } from '../session';
import { Status } from '../Status';
import { SortableTable, type Column } from '../Table';

type Child = NonNullable<OverviewQuery['division']>['children']['edges'][number]['node'];

/** The request the page sends, also what the tests ask the graph for the same identity. */
export function overviewVariables(code: string, quarter: Quarter) {
  const days = quarterDays(quarter);
  const trend = quartersUpTo(quarter, 12);
  return {
    code,
    year: quarter.year,
    quarter: quarter.quarter,
    quarterFrom: days.from,
    quarterTo: days.to,
    trendFrom: quarterDays(trend[0]).from,
    trendTo: days.to,
  };
}

const count = (key: string, text: string, value: (row: Child) => number | null | undefined) => ({
  key,
  label: text,
  value,
  numeric: true,
  render: (row: Child) => formatNumber(value(row)),
});
const rate = (key: string, text: string, value: (row: Child) => number | null | undefined) => ({
  key,
  label: text,
  value,
  numeric: true,
  render: (row: Child) => formatPercent(value(row)),
});

/**
 * 全市概览: the signed-in division's children side by side for a quarter (the city: its counties;
 * a county: its townships), with the charts, in one request.
 */
export function OverviewPage({
  session,
  quarter,
  onQuarter,
}: {
  session: Session;
  quarter: Quarter;
  onQuarter: (quarter: Quarter) => void;
}) {
  const { data, loading, error } = useQuery(OverviewDocument, {
    variables: overviewVariables(session.division, quarter),
    context: { surface: SURFACE_OF_LEVEL[session.level] },
  });
  const division = data?.division;
  const children = useMemo(
    () => division?.children.edges.map((edge) => edge.node) ?? [],
    [division],
  );
  const isCity = session.level === 'CITY';
  const columns: Column<Child>[] = useMemo(
    () => [
      {
        key: 'name',
        label: isCity ? '县区' : '乡镇（街道）',
        value: (row) => row.name,
        render: (row) =>
          isCity ? (
            <a href={href(['county', row.code], { q: quarterKey(quarter) })}>{row.name}</a>
          ) : (
            row.name
          ),
      },
      count('homes', '协商民主之家', (row) => row.homeStats?.homes),
      count('pilotHomes', '试点', (row) => row.homeStats?.pilotHomes),
      count('compliantHomes', '达标（规则1）', (row) => row.homeStats?.compliantHomes),
      count('homesRequired', '应开展活动', (row) => row.sessionStats?.homesRequired),
      count('homesCompliant', '已开展', (row) => row.sessionStats?.homesCompliant),
      rate('complianceRate', '开展率', (row) => row.sessionStats?.complianceRate),
      count('demandsReceived', '收到诉求', (row) => row.channelStats?.demandsReceived),
      count('openDemands', '未办结', (row) => row.channelStats?.openDemands),
      count('resolvedAtHome', '就地解决', (row) => row.channelStats?.resolvedAtHome),
      count('escalated', '上报', (row) => row.channelStats?.escalated),
      count('proposalsRegistered', '提案立案', (row) => row.channelStats?.proposalsRegistered),
      count('proposalsReplied', '已答复', (row) => row.channelStats?.proposalsReplied),
      count('proposalsOverdue', '逾期', (row) => row.channelStats?.proposalsOverdue),
      rate('satisfactionRate', '满意率', (row) => row.channelStats?.satisfactionRate),
    ],
    [isCity, quarter],
  );
  const cadenceChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: children.map((row) => row.name), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: '开展率',
          data: children.map((row) =>
            row.sessionStats?.complianceRate == null
              ? null
              : Math.round(row.sessionStats.complianceRate * 1000) / 10,
          ),
          itemStyle: { color: '#b71c1c' },
        },
      ],
    }),
    [children],
  );
  const channelChart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: (data?.demandsByChannel.rows ?? []).map((row) => ({
            name: label(CHANNEL_LABEL, row.channel),
            value: row.count,
          })),
        },
      ],
    }),
    [data],
  );
  const trendChart = useMemo<ChartOption>(() => {
    const quarters = quartersUpTo(quarter, 12);
    const series = (
      rows: Array<{ year?: number | null; quarter?: number | null }>,
      value: (row: never) => number,
    ) =>
      quarters.map((q) => {
        const row = rows.find((r) => r.year === q.year && r.quarter === q.quarter);
        return row ? value(row as never) : 0;
      });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: quarters.map((q) => `${q.year}Q${q.quarter}`) },
      yAxis: { type: 'value' },
      series: [
        {
          type: 'line',
          name: '召开协商活动',
          data: series(data?.sessionTrend.rows ?? [], (row: { held: number }) => row.held),
        },
        {
          type: 'line',
          name: '收到诉求',
          data: series(data?.demandTrend.rows ?? [], (row: { count: number }) => row.count),
        },
        {
          type: 'line',
          name: '提交提案',
          data: series(data?.proposalTrend.rows ?? [], (row: { count: number }) => row.count),
        },
      ],
    };
  }, [data, quarter]);
  return (
    <section aria-labelledby="overview-title">
      <header className="page-header">
        <h1 id="overview-title">
          {isCity ? '全市概览' : '全县概览'}
          {division ? ` · ${division.name}` : ''}
        </h1>
        <QuarterPicker value={quarter} onChange={onQuarter} />
      </header>
      <Status loading={loading} error={error} />
      {division && (
        <>
          <SortableTable
            name="overview"
            caption={`${quarterLabel(quarter)}：${division.name}各${isCity ? '县区' : '乡镇（街道）'}（点击表头排序）`}
            columns={columns}
            rows={children}
            rowKey={(row) => row.code}
          />
          <div className="charts">
            <Chart
              name="cadence"
              label={`${quarterLabel(quarter)}各${isCity ? '县区' : '乡镇（街道）'}协商活动开展率`}
              option={cadenceChart}
            />
            <Chart
              name="channels"
              label={`${quarterLabel(quarter)}诉求去向（按渠道）`}
              option={channelChart}
            />
            <Chart name="trend" label="近12个季度趋势" option={trendChart} height={320} />
          </div>
        </>
      )}
    </section>
  );
}
