import { isIP } from 'node:net';

/**
 * Which proxies in front of the API are believed when they name the client in X-Forwarded-For, as Express's
 * `trust proxy` setting takes it: false (nobody: the client is the socket's peer), a hop count, or a list of
 * addresses, subnets and Express's names for ranges.
 */
export type TrustProxy = false | number | string[];

/** The range names Express (proxy-addr) understands. */
export const TRUST_PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

export type TrustProxyParse = { ok: true; value: TrustProxy } | { ok: false; problem: string };

/**
 * Parses TRUST_PROXY: unset, empty or `false` trusts nobody; a whole number is the count of proxy hops to trust;
 * otherwise a comma list of IP addresses, CIDR subnets (`10.0.0.0/8`, `fd00::/8`) and the names loopback, linklocal,
 * uniquelocal. `true` (trust every hop, so any client can pick its own IP) is refused on purpose.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxyParse {
  const text = raw?.trim() ?? '';
  if (text === '' || text === 'false') {
    return { ok: true, value: false };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 100
      ? { ok: true, value: hops === 0 ? false : hops }
      : { ok: false, problem: `TRUST_PROXY hop count must be at most 100, got "${text}"` };
  }
  if (text === 'true') {
    return {
      ok: false,
      problem: 'TRUST_PROXY=true would let any client choose its IP; give a hop count or the addresses of your proxies',
    };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  const invalid = entries.filter((entry) => !isTrustEntry(entry));
  if (invalid.length > 0) {
    return {
      ok: false,
      problem:
        `TRUST_PROXY must be false, a hop count, or a comma list of IP addresses, CIDR subnets and ` +
        `${TRUST_PROXY_RANGE_NAMES.join(', ')}; not ${invalid.map((entry) => `"${entry}"`).join(', ')}`,
    };
  }
  return { ok: true, value: entries };
}

function isTrustEntry(entry: string): boolean {
  if ((TRUST_PROXY_RANGE_NAMES as readonly string[]).includes(entry)) {
    return true;
  }
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) {
    return false;
  }
  if (prefix === undefined) {
    return true;
  }
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
