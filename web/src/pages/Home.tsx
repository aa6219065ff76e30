import { useQuery } from '@apollo/client';
import { formatDay, formatNumber } from '../format';
import { HomeDetailDocument, type HomeDetailQuery } from '../generated/gql/home/graphql';
import {
  DEMAND_CATEGORY_LABEL,
  DEMAND_STATUS_LABEL,
  ESCALATION_LABEL,
  EVALUATION_LABEL,
  HOME_KIND_LABEL,
  HOME_STATUS_LABEL,
  MINUTES_STATUS_LABEL,
  PLENARY_STATUS_LABEL,
  PROPOSAL_STATUS_LABEL,
  RESULT_CLASS_LABEL,
  SENTIMENT_STATUS_LABEL,
  SESSION_KIND_LABEL,
  SESSION_STATUS_LABEL,
  label,
} from '../labels';
import { QuarterPicker } from '../QuarterPicker';
import { quarterLabel, type Quarter } from '../quarters';
import { SURFACE_OF_LEVEL, type Session } from '../session';
import { Status } from '../Status';

type Home = NonNullable<HomeDetailQuery['home']>;
type Escalation = Home['demands'] extends infer C
  ? C extends { edges: Array<{ node: { escalations: Array<infer E> } }> }
    ? E
    : never
  : never;

/** An escalated demand's path upward: what it went up as → department → reply → evaluation. */
function Path({ escalation }: { escalation: Escalation }) {
  if (escalation.__typename === 'Proposal') {
    return (
      <ol className="path" aria-label="上报路径">
        <li>
          提案：{escalation.title}（{label(PROPOSAL_STATUS_LABEL, escalation.status)}）
        </li>
        <li>
          承办单位：{escalation.leadDepartment?.name ?? '未交办'}
          {escalation.dueOn ? `，${formatDay(escalation.dueOn)}前答复` : ''}
          {escalation.isOverdue ? <strong className="missed">（已逾期）</strong> : null}
        </li>
        <li>
          答复：
          {escalation.reply
            ? `${label(RESULT_CLASS_LABEL, escalation.reply.resultClass)}，${formatDay(escalation.reply.repliedOn)}`
            : '尚未答复'}
        </li>
        <li>
          评价：
          {escalation.evaluation
            ? label(EVALUATION_LABEL, escalation.evaluation.result)
            : '尚未评价'}
        </li>
      </ol>
    );
  }
  const status =
    escalation.__typename === 'SentimentReport'
      ? label(SENTIMENT_STATUS_LABEL, escalation.sentimentStatus)
      : label(PLENARY_STATUS_LABEL, escalation.plenaryStatus);
  return (
    <ol className="path" aria-label="上报路径">
      <li>
        {ESCALATION_LABEL[escalation.__typename ?? ''] ?? '上报'}：{escalation.title}（{status}）
      </li>
    </ol>
  );
}

export function homeVariables(id: string, quarter: Quarter) {
  return { id, year: quarter.year, quarter: quarter.quarter };
}

/**
 * 协商民主之家: members and leader (rule 1), the quarter's cadence, sessions with minutes, demands,
 * and each escalated demand's path upward; one request.
 */
export function HomePage({
  session,
  homeId,
  quarter,
  onQuarter,
}: {
  session: Session;
  homeId: string;
  quarter: Quarter;
  onQuarter: (quarter: Quarter) => void;
}) {
  const { data, loading, error } = useQuery(HomeDetailDocument, {
    variables: homeVariables(homeId, quarter),
    context: { surface: SURFACE_OF_LEVEL[session.level] },
  });
  const home = data?.home;
  return (
    <section aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">{home ? home.name : '协商民主之家'}</h1>
        <QuarterPicker value={quarter} onChange={onQuarter} />
      </header>
      <Status loading={loading} error={error} />
      {data && !home && <p role="alert">没有这个协商民主之家，或不在您的管辖范围内。</p>}
      {home && (
        <>
          <p className="lead">
            {[...home.division.ancestors.map((a) => a.name), home.division.name].join(' · ')} ·{' '}
            {label(HOME_KIND_LABEL, home.kind)} · {label(HOME_STATUS_LABEL, home.status)} · 成立于
            {formatDay(home.establishedOn)}
          </p>
          <dl className="figures">
            <div data-figure="members">
              <dt>委员人数</dt>
              <dd>{formatNumber(home.compliance.memberCount)}</dd>
            </div>
            <div data-figure="leader">
              <dt>负责人</dt>
              <dd>{home.leader?.name ?? '未明确'}</dd>
            </div>
            <div data-figure="rule1">
              <dt>规则1（3名以上委员、有负责人）</dt>
              <dd>{home.compliance.compliant ? '达标' : '未达标'}</dd>
            </div>
            <div data-figure="cadence">
              <dt>{quarterLabel(quarter)}活动</dt>
              <dd>
                {home.cadence
                  ? `${formatNumber(home.cadence.held)}场（${home.cadence.required === 0 ? '不要求' : home.cadence.compliant ? '已开展' : '未开展'}）`
                  : '—'}
              </dd>
            </div>
          </dl>
          <h2>驻家委员</h2>
          <ul className="members" data-list="members">
            {home.members.map((membership) => (
              <li key={membership.id}>
                {membership.member?.name ?? '—'}
                {membership.role === 'LEADER' ? '（负责人）' : ''}
                {membership.member?.sector ? ` · ${membership.member.sector}` : ''}
              </li>
            ))}
          </ul>
          <div className="columns">
            <section aria-label="群众诉求">
              <h2>群众诉求（共 {formatNumber(home.demands?.totalCount)} 件）</h2>
              <ul className="demands" data-list="demands">
                {home.demands?.edges.map(({ node }) => (
                  <li key={node.id} data-demand={node.id}>
                    <p className="session-title">
                      <strong>{label(DEMAND_CATEGORY_LABEL, node.category)}</strong>
                      <span>
                        {label(DEMAND_STATUS_LABEL, node.status)} · {formatDay(node.receivedAt)}
                      </span>
                    </p>
                    <p>{node.content}</p>
                    {node.escalations.map((escalation) => (
                      <Path key={escalation.id} escalation={escalation} />
                    ))}
                    {node.escalatedAt && node.escalations.length === 0 && (
                      // What it went up as lies outside this identity's jurisdiction in the graph.
                      <p className="path" data-hidden-path>
                        已于{formatDay(node.escalatedAt)}上报；上报后的办理情况不在您的查看范围内。
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            </section>
            <section aria-label="协商活动">
              <h2>协商活动（共 {formatNumber(home.sessions?.totalCount)} 场）</h2>
              <ul className="sessions" data-list="sessions">
                {home.sessions?.edges.map(({ node }) => (
                  <li key={node.id}>
                    <p className="session-title">
                      <strong>{node.title}</strong>
                      <span>
                        {label(SESSION_KIND_LABEL, node.kind)} ·{' '}
                        {label(SESSION_STATUS_LABEL, node.status)} ·{' '}
                        {formatDay(node.heldAt ?? node.scheduledAt)}
                      </span>
                    </p>
                    {node.minutes && (
                      <details>
                        <summary>{label(MINUTES_STATUS_LABEL, node.minutes.status)}</summary>
                        <p>{node.minutes.summary}</p>
                        {node.minutes.consensus.length > 0 && (
                          <ol className="consensus">
                            {node.minutes.consensus.map((item, index) => (
                              <li key={index}>{item}</li>
                            ))}
                          </ol>
                        )}
                      </details>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          </div>
        </>
      )}
    </section>
  );
}
