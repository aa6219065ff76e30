/**
 * The SQL floors of Q4 and Q2: each query's whole answer (`data`) in one hand-written statement
 * over the three services' schemas, built as JSON by PostgreSQL. What the graph could take at
 * best for the same answer on the same server: no federation, no subgraphs, one round trip.
 * Every floor answer is checked equal to the gateway's before it is timed (bench/src/main.ts).
 */

/** An instant as the graph's DateTime scalar writes it: ISO 8601 in UTC with milliseconds. */
const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A date as the graph's Date scalar writes it. */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** Q4: $1 the county's code, $2 the page size; a city caller (3207). */
export const Q4_FLOOR_SQL = `
with page as (
  select h.id, h.name, h.status, h.division_code
  from organization.home h
  where h.division_code like $1 || '%' and h.division_code like '3207%'
  order by h.division_code, h.name, h.id
  limit $2
)
select json_build_object('homes', json_build_object(
  'totalCount', (select count(*) from organization.home h
                 where h.division_code like $1 || '%' and h.division_code like '3207%'),
  'edges', coalesce((select json_agg(json_build_object('node', json_build_object(
    'id', p.id, 'name', p.name, 'status', p.status,
    'leader', (select json_build_object('id', m.id, 'name', m.name)
               from organization.home_membership hm join organization.member m on m.id = hm.member_id
               where hm.home_id = p.id and hm.until is null and hm.role = 'LEADER'
               order by hm.since, hm.id limit 1),
    'compliance', (select json_build_object('memberCount', count(*),
                     'compliant', count(*) >= 3 and count(*) filter (where hm.role = 'LEADER') = 1)
                   from organization.home_membership hm where hm.home_id = p.id and hm.until is null),
    'sessions', json_build_object('edges', coalesce((
      select json_agg(json_build_object('node', json_build_object(
               'id', s.id, 'title', s.title, 'heldAt', ${iso('s.held_at')})))
      from (select * from deliberation.session s where s.home_id = p.id and s.status = 'HELD'
            order by s.scheduled_at desc, s.id limit 1) s), '[]'::json)),
    'demands', json_build_object('totalCount', (
      select count(*) from channels.demand d
      where d.home_id = p.id and d.status in ('RECEIVED', 'ON_AGENDA', 'ESCALATED')))
  )) order by p.division_code, p.name, p.id) from page p), '[]'::json)
)) as data`;

/**
 * What a home's demand went up as, in the graph's order (channel, then creation): what its leader
 * may see, the records that list the home ($1) among those they came from, drafts aside.
 */
const escalations = `coalesce((select json_agg(e.item order by e.channel, e.created_at, e.id) from (
    select 1 as channel, r.created_at, r.id, json_build_object('__typename', 'Proposal', 'id', r.id, 'title', r.title, 'proposalStatus', r.status) as item
    from channels.proposal r where r.source_demand_ids @> array[d.id] and r.status <> 'DRAFT'
      and r.home_ids @> array[$1::uuid]
    union all
    select 2, r.created_at, r.id, json_build_object('__typename', 'SentimentReport', 'id', r.id, 'title', r.title, 'reportStatus', r.status)
    from channels.sentiment_report r where r.source_demand_ids @> array[d.id] and r.status <> 'DRAFT'
      and r.home_ids @> array[$1::uuid]
    union all
    select 3, r.created_at, r.id, json_build_object('__typename', 'Speech', 'id', r.id, 'title', r.title, 'speechStatus', r.status)
    from channels.speech r where r.source_demand_ids @> array[d.id] and r.home_ids @> array[$1::uuid]
    union all
    select 4, r.created_at, r.id, json_build_object('__typename', 'SpecialReport', 'id', r.id, 'title', r.title, 'specialReportStatus', r.status)
    from channels.special_report r where r.source_demand_ids @> array[d.id] and r.home_ids @> array[$1::uuid]
  ) e), '[]'::json)`;

/** A home's demands in some statuses: their count and the first page, latest first. */
const demands = (statuses: string, limit: number, node: string) => `json_build_object(
    'totalCount', (select count(*) from channels.demand d where d.home_id = h.id and d.status in (${statuses})),
    'edges', coalesce((select json_agg(json_build_object('node', ${node}) order by d.received_at desc, d.id)
      from (select * from channels.demand d where d.home_id = h.id and d.status in (${statuses})
            order by d.received_at desc, d.id limit ${limit}) d), '[]'::json))`;

/** Q2: $1 the home's id, $2 the caller's division (its leader's token). */
export const Q2_FLOOR_SQL = `
select json_build_object('home', (select json_build_object(
  'id', h.id, 'name', h.name, 'kind', h.kind, 'status', h.status,
  'establishedOn', ${day('h.established_on')}, 'pilotCohortYear', h.pilot_cohort_year,
  'division', (select json_build_object('code', v.code, 'name', v.name) from organization.division v where v.code = h.division_code),
  'leader', (select json_build_object('id', m.id, 'name', m.name)
             from organization.home_membership hm join organization.member m on m.id = hm.member_id
             where hm.home_id = h.id and hm.until is null and hm.role = 'LEADER'
             order by hm.since, hm.id limit 1),
  'compliance', (select json_build_object('memberCount', count(*),
                   'hasLeader', count(*) filter (where hm.role = 'LEADER') = 1,
                   'compliant', count(*) >= 3 and count(*) filter (where hm.role = 'LEADER') = 1)
                 from organization.home_membership hm where hm.home_id = h.id and hm.until is null),
  'members', coalesce((select json_agg(json_build_object('id', hm.id, 'role', hm.role, 'since', ${day('hm.since')},
                 'member', json_build_object('id', m.id, 'name', m.name, 'sector', m.sector))
               order by hm.role, hm.since, hm.id)
             from organization.home_membership hm join organization.member m on m.id = hm.member_id
             where hm.home_id = h.id and hm.until is null), '[]'::json),
  'sessions', json_build_object(
    'totalCount', (select count(*) from deliberation.session s where s.home_id = h.id and s.status = 'HELD'),
    'edges', coalesce((select json_agg(json_build_object('node', json_build_object(
        'id', s.id, 'title', s.title, 'kind', s.kind, 'heldAt', ${iso('s.held_at')},
        'minutes', (select json_build_object('summary', n.summary, 'consensus', n.consensus,
                      'disagreements', n.disagreements, 'status', n.status,
                      'actions', coalesce((select json_agg(json_build_object('id', a.id, 'description', a.description,
                                   'dueOn', ${day('a.due_on')}, 'status', a.status) order by a.position)
                                 from deliberation.follow_up_action a where a.minutes_id = n.id), '[]'::json))
                    from deliberation.minutes n where n.session_id = s.id)))
      order by s.scheduled_at desc, s.id)
      from (select * from deliberation.session s where s.home_id = h.id and s.status = 'HELD'
            order by s.scheduled_at desc, s.id limit 10) s), '[]'::json)),
  'openDemands', ${demands(`'RECEIVED', 'ON_AGENDA', 'ESCALATED'`, 20, `json_build_object('id', d.id, 'category', d.category, 'content', d.content, 'status', d.status, 'receivedAt', ${iso('d.received_at')})`)},
  'escalated', ${demands(`'ESCALATED', 'ANSWERED', 'CLOSED'`, 10, `json_build_object('id', d.id, 'category', d.category, 'status', d.status, 'escalations', ${escalations})`)}
) from organization.home h where h.id = $1 and h.division_code like $2 || '%'))
as data`;
