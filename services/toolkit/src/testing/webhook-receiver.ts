import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A department's or an office's system on loopback, for the webhook tests: verifies every
 * delivery with `standardwebhooks` (400 when none of `secrets` signed it) and answers 500 to the
 * first `failFirst` (three unless set) before it takes them (204).
 */
export class Receiver {
  server: Server;
  secrets: string[] = [];
  /** Every request: its webhook-id, the answer given, and the verified body when it verified. */
  requests: Array<{ id: string; status: number; verified: boolean; body?: any }> = [];
  failFirst: number;

  constructor(options: { failFirst?: number } = {}) {
    this.failFirst = options.failFirst ?? 3;
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString();
        const body = this.verify(raw, request.headers);
        const status = !body ? 400 : this.failFirst-- > 0 ? 500 : 204;
        this.requests.push({
          id: String(request.headers['webhook-id']),
          status,
          verified: Boolean(body),
          body,
        });
        response.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/cppcc-events`;
  }

  /** The body when one of the receiver's secrets verifies it (Standard Webhooks). */
  verify(raw: string, headers: IncomingHttpHeaders): any {
    for (const secret of this.secrets) {
      try {
        return new Webhook(secret).verify(raw, headers as Record<string, string>);
      } catch {
        // Not signed with this secret; try the next.
      }
    }
    return null;
  }

  /** Verified deliveries answered 2xx, in the order they arrived. */
  get delivered() {
    return this.requests.filter((request) => request.status === 204);
  }

  stop() {
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
