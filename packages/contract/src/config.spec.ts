import { z } from 'zod';
import { ConfigError, baseConfigShape, databaseUrl, parseConfig, port } from './config';

const shape = { ...baseConfigShape, PORT: port(4001), DATABASE_URL: databaseUrl.unwrap() };

describe('configuration', () => {
  it('fills defaults and coerces numbers', () => {
    expect(
      parseConfig(shape, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cppcc' }),
    ).toEqual({
      LOG_LEVEL: 'info',
      HOST: '0.0.0.0',
      PORT: 4001,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/cppcc',
    });
    expect(parseConfig(shape, { DATABASE_URL: 'postgresql://db/x', PORT: '5000' }).PORT).toBe(5000);
  });

  it('reads an optional variable set to the empty string as unset (Compose passes `${NAME:-}` so), and nothing else', () => {
    const withOptional = {
      ...shape,
      AUTH_JWKS_URL: z.url().optional(),
      LIST: z.string().default('all'),
    };
    const parsed = parseConfig(withOptional, {
      DATABASE_URL: 'postgres://db/x',
      AUTH_JWKS_URL: '',
      LIST: '',
    });
    expect(parsed.AUTH_JWKS_URL).toBeUndefined();
    // A variable with a default keeps the empty value it was given (a list of none).
    expect(parsed.LIST).toBe('');
    expect(() => parseConfig(shape, { DATABASE_URL: '' })).toThrow(/DATABASE_URL/);
  });

  it('refuses to start on bad values and names every variable at fault', () => {
    const attempt = () =>
      parseConfig(shape, { PORT: 'forty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://db/x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT/);
    expect(attempt).toThrow(/LOG_LEVEL/);
    expect(attempt).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });
});
