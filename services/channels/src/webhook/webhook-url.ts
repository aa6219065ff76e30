import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { Agent } from 'undici';
import { BadUserInputError } from '@cppcc/toolkit';

/**
 * Addresses a subscription may not point at unless the operator allows it
 * (`WEBHOOK_ALLOW_PRIVATE`): private, link-local, shared and unspecified ranges, so that the graph
 * is no tool to probe the government network. Loopback (this host) is refused too unless the
 * operator allows it (`WEBHOOK_ALLOW_LOOPBACK`: local use and tests).
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
  // NAT64 and 6to4 carry an IPv4 address inside (64:ff9b::10.0.0.1 reaches 10.0.0.1), as do the
  // deprecated IPv4-compatible (::10.0.0.1), the IPv4-translated (::ffff:0:10.0.0.1) and Teredo.
  ['::', 96],
  ['::ffff:0:0:0', 96],
  ['2001::', 32],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['::', 128],
  // Discard-only and documentation: never a receiver.
  ['100::', 64],
  ['2001:db8::', 32],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) stands for the IPv4 address inside. */
function unmapped(address: string): string {
  const inside = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return inside ?? address;
}

function isLoopback(address: string): boolean {
  const bare = unmapped(address);
  return LOOPBACK.check(bare, family(bare));
}

/** Why `policy` refuses to deliver to `address`, or null when it may. */
export function addressRefusal(address: string, policy: UrlPolicy): string | null {
  const bare = unmapped(address);
  if (!policy.allowLoopback && isLoopback(bare)) {
    return 'url points at loopback (this host); the operator has not allowed it.';
  }
  if (!policy.allowPrivate && PRIVATE.check(bare, family(bare))) {
    return 'url points at a private or link-local address; the operator has not allowed it.';
  }
  return null;
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
  /** Private, link-local, shared and unspecified addresses allowed (`WEBHOOK_ALLOW_PRIVATE`). */
  allowPrivate: boolean;
  /** Loopback addresses (this host) allowed (`WEBHOOK_ALLOW_LOOPBACK`). */
  allowLoopback: boolean;
}

/**
 * Refuses (BAD_USER_INPUT on `field`) a URL a subscription may not deliver to: not https (plain
 * http only to loopback), credentials in it, or a host that is, or resolves to, a loopback,
 * private or link-local address the policy does not allow. Checked when subscribing and before
 * every attempt; the attempt's connection checks the address it connects to again
 * (`deliveryAgent`), since a name may be pointed elsewhere between the check and the send.
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
  for (const address of addresses) {
    const refusal = addressRefusal(address, policy);
    if (refusal) throw new BadUserInputError(refusal, field);
  }
  if (url.protocol !== 'https:' && !addresses.every(isLoopback)) {
    throw new BadUserInputError('url must be https (plain http only to loopback).', field);
  }
  return url;
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A name lookup for the delivery's connection that applies `policy` to the addresses the name
 * resolves to at connect time, so the address connected to is an address checked (a name cannot
 * be re-pointed at an inside address between the check and the send). Node calls it for names
 * only; an address literal was checked by `checkWebhookUrl` and is not looked up again.
 */
export function guardedLookup(
  policy: UrlPolicy,
  resolve: typeof lookupCallback = lookupCallback,
): (hostname: string, options: LookupOptions, callback: LookupCallback) => void {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, found) => {
      const addresses = found as unknown as LookupAddress[];
      if (error) return callback(error, []);
      if (!addresses.length) {
        return callback(
          Object.assign(new Error('the name does not resolve'), { code: 'ENOTFOUND' }),
          [],
        );
      }
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy);
        if (refusal) {
          return callback(Object.assign(new Error(refusal), { code: 'EADDRNOTALLOWED' }), []);
        }
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** The HTTP agent deliveries go through: its connections look names up with `guardedLookup`. */
export function deliveryAgent(policy: UrlPolicy, resolve?: typeof lookupCallback): Agent {
  return new Agent({ connect: { lookup: guardedLookup(policy, resolve) } });
}
