import { ApolloProvider } from '@apollo/client';
import { useMemo, useState } from 'react';
import { createClient } from './apollo';
import { CountyPage } from './pages/County';
import { HomePage } from './pages/Home';
import { OverviewPage } from './pages/Overview';
import { ProposalsPage } from './pages/Proposals';
import { PublicPage } from './pages/Public';
import { SignInPage } from './pages/SignIn';
import { currentQuarter, parseQuarterKey, quarterKey, type Quarter } from './quarters';
import { href, navigate, useRoute } from './route';
import { loadSession, saveSession, type Level, type Session } from './session';

/** The county a city office sees first on 县区 (海州区, the city's seat). */
const FIRST_COUNTY = '320706';

/** The pages each level has, in the navigation's order. */
const PAGES: Record<Level | 'NONE', Array<{ path: string; title: string }>> = {
  CITY: [
    { path: 'overview', title: '全市概览' },
    { path: 'county', title: '县区' },
    { path: 'proposals', title: '提案办理' },
    { path: 'public', title: '公开' },
  ],
  COUNTY: [
    { path: 'overview', title: '全县概览' },
    { path: 'county', title: '县区' },
    { path: 'proposals', title: '提案办理' },
    { path: 'public', title: '公开' },
  ],
  HOME: [
    { path: 'home', title: '协商民主之家' },
    { path: 'public', title: '公开' },
  ],
  DEPARTMENT: [
    { path: 'proposals', title: '提案办理' },
    { path: 'public', title: '公开' },
  ],
  NONE: [{ path: 'public', title: '公开' }],
};

function Page({
  session,
  onSession,
}: {
  session: Session | null;
  onSession: (s: Session) => void;
}) {
  const route = useRoute();
  const [page, ...rest] = route.path;
  const quarter = parseQuarterKey(route.params.get('q') ?? undefined) ?? currentQuarter();
  const withQuarter = (path: string[]) => (q: Quarter) => navigate(path, { q: quarterKey(q) });
  const level = session?.level ?? 'NONE';
  // Signed in, the sign-in page is the level's first page.
  const target =
    page === undefined || (page === 'sign-in' && session) ? PAGES[level][0].path : page;
  if (target === 'public') {
    return (
      <PublicPage
        county={route.params.get('county') ?? undefined}
        onCounty={(county) => navigate(['public'], { county })}
      />
    );
  }
  if (!session || target === 'sign-in') return <SignInPage onSession={onSession} />;
  // A home's page is a drill-down from 县区 for the city and counties, not a tab of theirs.
  const drillDown = target === 'home' && (level === 'CITY' || level === 'COUNTY');
  if (!drillDown && !PAGES[level].some((candidate) => candidate.path === target)) {
    return <p role="alert">您的身份（{session.label}）没有这个页面。</p>;
  }
  switch (target) {
    case 'overview':
      return (
        <OverviewPage session={session} quarter={quarter} onQuarter={withQuarter(['overview'])} />
      );
    case 'county': {
      const code = session.level === 'COUNTY' ? session.division : (rest[0] ?? FIRST_COUNTY);
      return (
        <CountyPage
          session={session}
          code={code}
          quarter={quarter}
          onQuarter={withQuarter(['county', code])}
        />
      );
    }
    case 'home': {
      const homeId = session.level === 'HOME' ? session.homeId : rest[0];
      if (!homeId) return <p role="alert">请从县区页面选择一个协商民主之家。</p>;
      return (
        <HomePage
          session={session}
          homeId={homeId}
          quarter={quarter}
          onQuarter={withQuarter(['home', homeId])}
        />
      );
    }
    case 'proposals': {
      const year = Number(route.params.get('year')) || currentQuarter().year;
      return (
        <ProposalsPage
          session={session}
          year={year}
          onYear={(y) => navigate(['proposals'], { year: String(y) })}
        />
      );
    }
    default:
      return <p role="alert">没有这个页面。</p>;
  }
}

export function App() {
  const [session, setSession] = useState<Session | null>(loadSession);
  const client = useMemo(() => createClient(session), [session]);
  const route = useRoute();
  const level = session?.level ?? 'NONE';
  const current =
    route.path[0] === undefined || route.path[0] === 'sign-in'
      ? PAGES[level][0].path
      : route.path[0];
  const signIn = (next: Session | null) => {
    saveSession(next);
    setSession(next);
    navigate([]);
  };
  // Levels with drill-down pages keep their parent's tab lit.
  const lit = current === 'home' && level !== 'HOME' ? 'county' : current;
  return (
    <ApolloProvider client={client}>
      <header className="top">
        <p className="brand">连云港市政协 · 协商民主之家工作台</p>
        <nav aria-label="页面">
          <ul>
            {PAGES[level].map((page) => (
              <li key={page.path}>
                <a href={href([page.path])} aria-current={lit === page.path ? 'page' : undefined}>
                  {page.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="identity">
          {session ? (
            <>
              <span data-identity-label>{session.label}</span>
              <button type="button" onClick={() => signIn(null)}>
                退出
              </button>
            </>
          ) : (
            <a href={href(['sign-in'])}>登录</a>
          )}
        </p>
      </header>
      <main>
        <Page session={session} onSession={signIn} />
      </main>
      <footer>
        <p>数据来自协商民主之家数据图谱（GraphQL）；日期为北京时间。</p>
      </footer>
    </ApolloProvider>
  );
}
