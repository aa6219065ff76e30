import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { BadUserInputError } from '@cppcc/toolkit';

/**
 * Addresses a subscription may not point at unless the operator allows it
 * (`WEBHOOK_ALLOW_PRIVATE`): private, link-local, shared and unspecified ranges, so that the graph
 * is no tool to probe the government network. Loopback is allowed (tests, a local receiver).
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  // NAT64 and 6to4 carry an IPv4 address inside (64:ff9b::10.0.0.1 reaches 10.0.0.1).
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::', 128],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** The addresses a host stands for (itself when it is an address). */
async function addressesOf(host: string): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return [bare];
  try {
    return (await lookup(bare, { all: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

export interface UrlPolicy {
  allowPrivate: boolean;
}

/**
 * Refuses (BAD_USER_INPUT on `field`) a URL a subscription may not deliver to: not https (plain
 * http only to loopback), credentials in it, or a host that is, or resolves to, a private or
 * link-local address. Checked when subscribing and again before every attempt (a name may have
 * been pointed elsewhere since).
 */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, field: string): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BadUserInputError('url is not an absolute URL.', field);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BadUserInputError('url must be https (plain http only to loopback).', field);
  }
  if (url.username || url.password) {
    throw new BadUserInputError('url carries no credentials; verify signatures instead.', field);
  }
  const addresses = await addressesOf(url.hostname);
  if (!addresses.length) throw new BadUserInputError('url’s host does not resolve.', field);
  const loopback = addresses.every((address) => LOOPBACK.check(address, family(address)));
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new BadUserInputError('url must be https (plain http only to loopback).', field);
  }
  if (
    !policy.allowPrivate &&
    addresses.some((address) => PRIVATE.check(address, family(address)))
  ) {
    throw new BadUserInputError(
      'url points at a private or link-local address; the operator has not allowed it.',
      field,
    );
  }
  return url;
}
