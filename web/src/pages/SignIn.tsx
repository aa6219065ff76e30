import { useQuery } from '@apollo/client';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { SignInChoicesDocument } from '../generated/gql/public/graphql';
import { LEVEL_LABEL, sessionFromToken, type Level, type Session } from '../session';

interface Identity {
  level: Level;
  division: string;
  homeId?: string;
  departmentId?: string;
  label: string;
}

/** A development identity's token, from the gateway's development sign-in (gateway/src/web.ts). */
async function developmentToken(identity: Identity): Promise<string> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      level: identity.level,
      division: identity.division,
      homeId: identity.homeId,
      departmentId: identity.departmentId,
    }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The picker of development identities: the public surface says which exist. */
function DevelopmentIdentities({ onSession }: { onSession: (session: Session) => void }) {
  const { data, error } = useQuery(SignInChoicesDocument, { context: { surface: 'public' } });
  const [failure, setFailure] = useState<string>();
  if (error) return <p role="alert">无法读取开发身份：{error.message}</p>;
  if (!data) return <p role="status">正在读取开发身份…</p>;
  const identities: Identity[] = [
    { level: 'CITY', division: '3207', label: '连云港市政协（市级工作人员）' },
    ...data.divisions.edges.map(({ node }) => ({
      level: 'COUNTY' as const,
      division: node.code,
      label: `${node.name}政协`,
    })),
    ...data.homes.edges.map(({ node }) => ({
      level: 'HOME' as const,
      division: node.division.code,
      homeId: node.id,
      label: `${node.name}（负责人）`,
    })),
    ...data.departments.edges.map(({ node }) => ({
      level: 'DEPARTMENT' as const,
      division: node.division.code,
      departmentId: node.id,
      label: node.name,
    })),
  ];
  const choose = async (identity: Identity) => {
    try {
      const token = await developmentToken(identity);
      const session = sessionFromToken(token, identity.label);
      if (session) onSession(session);
    } catch (problem) {
      setFailure(`签发失败：${(problem as Error).message}`);
    }
  };
  return (
    <section aria-labelledby="dev-title" className="dev-identities">
      <h2 id="dev-title">本地开发身份</h2>
      <p>本地启动（npm start）时可直接选择身份，网关用开发密钥签发令牌。</p>
      {failure && <p role="alert">{failure}</p>}
      {(['CITY', 'COUNTY', 'HOME', 'DEPARTMENT'] as const).map((level) => (
        <div key={level} className="identity-group">
          <h3>{LEVEL_LABEL[level]}</h3>
          <ul>
            {identities
              .filter((identity) => identity.level === level)
              .map((identity) => (
                <li
                  key={`${identity.level}:${identity.division}:${identity.homeId ?? identity.departmentId ?? ''}`}
                >
                  <button
                    type="button"
                    data-identity={identity.level}
                    data-division={identity.division}
                    onClick={() => void choose(identity)}
                  >
                    {identity.label}
                  </button>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** 登录: a development identity on a local start, otherwise the deployment's bearer token. */
export function SignInPage({ onSession }: { onSession: (session: Session) => void }) {
  const [development, setDevelopment] = useState<boolean | null>(null);
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string>();
  const id = useId();
  useEffect(() => {
    let stale = false;
    fetch('/dev/sign-in')
      .then((response) => !stale && setDevelopment(response.ok))
      .catch(() => !stale && setDevelopment(false));
    return () => {
      stale = true;
    };
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const session = sessionFromToken(token.trim());
    if (session) onSession(session);
    else setProblem('这不是可识别的令牌（JWT）。');
  };
  return (
    <section aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">登录</h1>
      {development && <DevelopmentIdentities onSession={onSession} />}
      <form onSubmit={submit} className="token-form">
        <h2>使用身份认证令牌</h2>
        <label htmlFor={id}>令牌（Bearer JWT，由统一身份认证签发）</label>
        <textarea
          id={id}
          rows={4}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        {problem && <p role="alert">{problem}</p>}
        <button type="submit">登录</button>
      </form>
    </section>
  );
}
