import { useEffect, useState } from 'react';

/** The page's place, in the URL's hash (`#/county/320706?q=2026-Q3`): the gateway serves one page. */
export interface Route {
  path: string[];
  params: URLSearchParams;
}

function current(): Route {
  const [path, query] = window.location.hash.replace(/^#\/?/, '').split('?');
  return {
    path: path ? path.split('/').map(decodeURIComponent) : [],
    params: new URLSearchParams(query),
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export function href(path: string[], params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  return `#/${path.map(encodeURIComponent).join('/')}${query ? `?${query}` : ''}`;
}

export function navigate(path: string[], params: Record<string, string | undefined> = {}): void {
  window.location.hash = href(path, params);
}
