import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLError } from 'graphql';
import { request } from 'undici';
import { checkWebhookUrl, deliveryAgent } from './webhook-url';

const strict = { allowPrivate: false, allowLoopback: false };
const local = { allowPrivate: false, allowLoopback: true };

async function refusal(url: string, policy = strict): Promise<GraphQLError> {
  try {
    await checkWebhookUrl(url, policy, 'input.url');
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error(`accepted ${url}`);
}

describe('the address a webhook may point at', () => {
  it('refuses addresses that carry a private IPv4 address inside IPv6', async () => {
    for (const url of [
      'https://[::ffff:10.0.0.1]/hook',
      'https://[64:ff9b::10.0.0.1]/hook',
      'https://[2002:a00:1::1]/hook',
      'https://[::10.0.0.1]/hook',
      'https://[::ffff:0:a00:1]/hook',
      'https://[2001:0:a00:1::1]/hook',
      'https://[2001:db8::1]/hook',
      'https://192.0.0.1/hook',
    ]) {
      const error = await refusal(url);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
      expect(error.message).toMatch(/private or link-local/);
    }
  });

  it('refuses a scheme other than http(s) before resolving anything, without the value', async () => {
    const error = await refusal('javascript:alert(1)');
    expect(error.message).toBe('url must be https (plain http only to loopback).');
  });

  it('names no host it cannot resolve', async () => {
    const error = await refusal('https://secret-host-name.invalid/hook');
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(error.message).not.toContain('secret-host-name');
  });

  it('still takes a public address, and plain http to loopback where loopback is allowed', async () => {
    await expect(
      checkWebhookUrl('https://93.184.215.14/hook', strict, 'url'),
    ).resolves.toBeTruthy();
    await expect(checkWebhookUrl('http://127.0.0.1:9000/hook', local, 'url')).resolves.toBeTruthy();
  });

  it('refuses loopback, by address or by name, unless the operator allows it', async () => {
    for (const url of [
      'http://127.0.0.1:4001/graphql',
      'https://127.0.0.2/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'http://localhost:4003/graphql',
    ]) {
      const error = await refusal(url);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
      expect(error.message).toBe(
        'url points at loopback (this host); the operator has not allowed it.',
      );
    }
  });
});

describe('the connection a delivery makes', () => {
  let server: Server;
  let port: number;
  let reached = 0;
  beforeAll(async () => {
    server = createServer((_request, response) => {
      reached += 1;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('checks the address the name resolves to when it connects, not only before', async () => {
    // A name that looked public when checked and points at this host when the attempt connects.
    const repointed = deliveryAgent(strict, ((_host: string, options: object, callback: any) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }])) as never);
    await expect(
      request(`http://receiver.example:${port}/hook`, { dispatcher: repointed, method: 'POST' }),
    ).rejects.toThrow('url points at loopback (this host); the operator has not allowed it.');
    const inside = deliveryAgent(strict, ((_host: string, options: object, callback: any) =>
      callback(null, [{ address: '10.0.0.7', family: 4 }])) as never);
    await expect(
      request(`http://receiver.example:${port}/hook`, { dispatcher: inside, method: 'POST' }),
    ).rejects.toThrow(/private or link-local/);
    // The system's resolver: localhost is loopback.
    await expect(
      request(`http://localhost:${port}/hook`, {
        dispatcher: deliveryAgent(strict),
        method: 'POST',
      }),
    ).rejects.toThrow(/loopback/);
    expect(reached).toBe(0);
    await Promise.all([repointed.close(), inside.close()]);
  });

  it('connects where the policy allows the address', async () => {
    const agent = deliveryAgent(local);
    const answer = await request(`http://localhost:${port}/hook`, {
      dispatcher: agent,
      method: 'POST',
    });
    expect(answer.statusCode).toBe(200);
    await answer.body.dump();
    expect(reached).toBe(1);
    await agent.close();
  });
});
