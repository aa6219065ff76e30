import express from 'express';
import { SignJWT } from 'jose';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { devSecretHonoured } from './auth';
import type { Config } from './config';

/**
 * The reference front end (web/): its static build served at `/`, and, for a local start only, a
 * development sign-in that mints tokens with the development secret.
 */
export const webConfigShape = {
  /** The front end's static build (`web/dist`, written by `npm run build`); absent: none served. */
  WEB_DIR: z.string().min(1).default(resolve(__dirname, '../../web/dist')),
  /**
   * `true` lets `POST /dev/token` mint a token for any development identity; honoured only when
   * tokens are verified with the development secret (AUTH_JWT_SECRET, and no public key or a JWKS
   * on this machine only: the development identity provider).
   * `npm start` sets it; off by default.
   */
  DEV_SIGN_IN: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
};

/**
 * The page and its files come from the gateway alone: no CDN, no font service, no inline script
 * (the build emits none). Styles may be inline: React and ECharts set element styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves the front end's build: `/` (a browser asking for HTML) and its hashed files. */
export function webApp(config: Pick<Config, 'WEB_DIR'>): express.Router {
  const router = express.Router();
  const index = join(config.WEB_DIR, 'index.html');
  router.get('/', (req, res, next) => {
    if (req.accepts(['text/html', 'application/json']) !== 'text/html') return next();
    if (!existsSync(index)) {
      res
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The front end is not built: run npm run build (npm start builds it).\n');
      return;
    }
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    // The page names its files by content hash; the page itself must be asked for each time.
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.use(
    '/assets',
    (_req, res, next) => {
      res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
      next();
    },
    express.static(join(config.WEB_DIR, 'assets'), {
      immutable: true,
      maxAge: '365d',
      index: false,
      fallthrough: true,
    }),
  );
  return router;
}

/** Whether the development sign-in is on: asked for, and the development secret honoured. */
export function devSignInEnabled(
  config: Pick<Config, 'DEV_SIGN_IN' | 'AUTH_JWT_SECRET' | 'AUTH_PUBLIC_KEY' | 'AUTH_JWKS_URL'>,
): boolean {
  return config.DEV_SIGN_IN && devSecretHonoured(config);
}

/** A development identity: a level and its jurisdiction; the roles follow from the level. */
const identitySchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('CITY'), division: z.string().regex(/^\d{4}$/) }),
  z.object({ level: z.literal('COUNTY'), division: z.string().regex(/^\d{6}$/) }),
  z.object({
    level: z.literal('HOME'),
    division: z.string().regex(/^\d{9}(\d{3})?$/),
    homeId: z.uuid(),
  }),
  z.object({
    level: z.literal('DEPARTMENT'),
    division: z.string().regex(/^\d{4}(\d{2})?$/),
    departmentId: z.uuid(),
  }),
]);

const ROLES_OF_LEVEL = {
  CITY: ['STAFF', 'ANALYST'],
  COUNTY: ['STAFF', 'ANALYST'],
  HOME: ['HOME_LEADER'],
  DEPARTMENT: ['DEPARTMENT'],
} as const;

/** Whether a socket's peer is this machine (127.0.0.0/8 or ::1, IPv4-mapped or not). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4 === '::1' || /^127\.\d+\.\d+\.\d+$/.test(v4);
}

/**
 * `GET /dev/sign-in` answers 200 when the development sign-in is on and the caller is on this
 * machine (404 otherwise, as if it did not exist); `POST /dev/token` with `{ level, division, homeId?, departmentId? }` answers
 * `{ token }`, signed HS256 with AUTH_JWT_SECRET for 8 hours (400 BAD_USER_INPUT for an identity
 * that is not one).
 */
export function devSignIn(config: Config): express.Router {
  const router = express.Router();
  if (!devSignInEnabled(config)) return router;
  const secret = new TextEncoder().encode(config.AUTH_JWT_SECRET);
  // Only for the machine the stack runs on: `npm start` listens on every interface, and a token
  // minted here opens every surface. The socket's own address, never a proxy's header.
  router.use('/dev', (req, res, next) => {
    if (isLoopback(req.socket.remoteAddress)) return next();
    res.status(404).end();
  });
  router.get('/dev/sign-in', (_req, res) => {
    res.json({ enabled: true });
  });
  router.post('/dev/token', express.json({ limit: 2_000 }), async (req, res) => {
    const identity = identitySchema.safeParse(req.body);
    if (!identity.success) {
      res.status(400).json({
        errors: [
          {
            message: `Not a development identity: ${identity.error.issues[0]?.message}.`,
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      });
      return;
    }
    const claims = identity.data;
    const token = await new SignJWT({ ...claims, roles: [...ROLES_OF_LEVEL[claims.level]] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(`dev:${claims.level.toLowerCase()}:${claims.division}`)
      .setIssuedAt()
      .setExpirationTime('8h')
      .sign(secret);
    res.json({ token });
  });
  return router;
}
