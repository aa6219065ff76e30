import type { ApolloError } from '@apollo/client';

/** What a page shows while its one request is out, or when it failed. */
export function Status({ loading, error }: { loading: boolean; error?: ApolloError }) {
  if (error) {
    const status = (error.networkError as { statusCode?: number } | null)?.statusCode;
    return (
      <p className="status error" role="alert">
        查询失败{status ? `（HTTP ${status}）` : ''}：{error.message}
      </p>
    );
  }
  return loading ? (
    <p className="status" role="status">
      正在查询…
    </p>
  ) : null;
}
