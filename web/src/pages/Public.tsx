import { useQuery } from '@apollo/client';
import { useId, useMemo } from 'react';
import { formatDay } from '../format';
import { PublicActivityDocument, type PublicActivityQuery } from '../generated/gql/public/graphql';
import { SESSION_KIND_LABEL, label } from '../labels';
import { Status } from '../Status';

type PublicSession = PublicActivityQuery['sessions']['edges'][number]['node'];

/**
 * 公开: published sessions and their consensus, per county and home; no sign-in, and the public
 * surface's registered operation only.
 */
export function PublicPage({
  county,
  onCounty,
}: {
  county: string | undefined;
  onCounty: (code: string | undefined) => void;
}) {
  const id = useId();
  const { data, loading, error } = useQuery(PublicActivityDocument, {
    variables: { divisionCode: county ?? null },
    context: { surface: 'public' },
  });
  const counties = useMemo(() => data?.divisions.edges.map((edge) => edge.node) ?? [], [data]);
  // County → home → sessions, in the order the graph returned them (latest first).
  const grouped = useMemo(() => {
    const byCounty = new Map<string, Map<string, PublicSession[]>>();
    for (const { node } of data?.sessions.edges ?? []) {
      const countyCode = node.home.division.code.slice(0, 6);
      const homes = byCounty.get(countyCode) ?? new Map<string, PublicSession[]>();
      byCounty.set(countyCode, homes);
      homes.set(node.home.id, [...(homes.get(node.home.id) ?? []), node]);
    }
    return [...byCounty];
  }, [data]);
  const countyName = (code: string) => counties.find((c) => c.code === code)?.name ?? code;
  return (
    <section aria-labelledby="public-title">
      <header className="page-header">
        <h1 id="public-title">协商成果公开</h1>
        <span className="picker">
          <label htmlFor={id}>县区</label>
          <select
            id={id}
            value={county ?? ''}
            onChange={(event) => onCounty(event.target.value || undefined)}
          >
            <option value="">全市</option>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </span>
      </header>
      <Status loading={loading} error={error} />
      {data && (
        <p className="lead" data-total={data.sessions.totalCount}>
          已公开的协商活动共 {data.sessions.totalCount} 场
          {data.sessions.totalCount > data.sessions.edges.length
            ? `，以下为最近的 ${data.sessions.edges.length} 场`
            : ''}
          。
        </p>
      )}
      {grouped.map(([countyCode, homes]) => (
        <section key={countyCode} className="county-group" data-county={countyCode}>
          <h2>{countyName(countyCode)}</h2>
          {[...homes].map(([homeId, sessions]) => (
            <article key={homeId} className="home-card">
              <h3>
                {sessions[0].home.name}
                <small>{sessions[0].home.division.name}</small>
              </h3>
              <ul className="sessions">
                {sessions.map((session) => (
                  <li key={session.id} data-session={session.id}>
                    <p className="session-title">
                      <strong>{session.title}</strong>
                      <span>
                        {label(SESSION_KIND_LABEL, session.kind)} · {formatDay(session.heldAt)}
                      </span>
                    </p>
                    {session.minutes && (
                      <>
                        <p>{session.minutes.summary}</p>
                        {session.minutes.consensus.length > 0 && (
                          <>
                            <h4>形成共识</h4>
                            <ol className="consensus">
                              {session.minutes.consensus.map((item, index) => (
                                <li key={index}>{item}</li>
                              ))}
                            </ol>
                          </>
                        )}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
    </section>
  );
}
