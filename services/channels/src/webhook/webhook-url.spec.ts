import { GraphQLError } from 'graphql';
import { checkWebhookUrl } from './webhook-url';

const strict = { allowPrivate: false };

async function refusal(url: string): Promise<GraphQLError> {
  try {
    await checkWebhookUrl(url, strict, 'input.url');
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

  it('still takes a public address and plain http to loopback', async () => {
    await expect(
      checkWebhookUrl('https://93.184.215.14/hook', strict, 'url'),
    ).resolves.toBeTruthy();
    await expect(
      checkWebhookUrl('http://127.0.0.1:9000/hook', strict, 'url'),
    ).resolves.toBeTruthy();
  });
});
