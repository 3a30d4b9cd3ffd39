/**
 * Which addresses outbound requests may reach (outbound.ts makes the requests). Outbound requests to addresses that users name (harvest sources, the resources a remote lists,
 * media feeds) reach public addresses only, so that an institution's admin or a remote portal
 * cannot make the server read its own network: the cloud's metadata service (169.254.169.254),
 * a database's HTTP port on 127.0.0.1, an intranet 10.x host (server-side request forgery).
 *
 * The check runs where the connection is made: every address a name resolves to (and every
 * redirect's, since each hop connects anew) must be public unicast (ipaddr.js's ranges), unless
 * `KENDALI_OUTBOUND_ALLOW` names the host, its address or its network (an intranet portal to
 * harvest). A name checked at connection cannot be rebound between the check and the use.
 */
import ipaddr from 'ipaddr.js';

/** The setting that lets outbound requests reach non-public hosts or networks. */
export const OUTBOUND_ALLOW_ENV = 'KENDALI_OUTBOUND_ALLOW';

/** A request refused because its host is not public (and not allowed). */
export class OutboundRefused extends Error {
  readonly host: string;
  readonly address: string;

  constructor(host: string, address: string, range: string) {
    super(
      `${host}${address === host ? '' : ` (${address})`} is a ${RANGE_WORDS[range] ?? `${range} address`}, not a public one; outbound requests reach only public addresses unless ${OUTBOUND_ALLOW_ENV} names the host or its network`,
    );
    this.name = 'OutboundRefused';
    this.host = host;
    this.address = address;
  }
}

const RANGE_WORDS: Record<string, string> = {
  private: 'private address',
  loopback: 'loopback address (this machine)',
  linkLocal: 'link-local address (such as a cloud metadata service)',
  uniqueLocal: 'unique local (private) address',
  carrierGradeNat: 'carrier-grade NAT address',
  unspecified: 'unspecified address',
  broadcast: 'broadcast address',
  multicast: 'multicast address',
  reserved: 'reserved address',
};

/** Which non-public hosts outbound requests may reach anyway. */
export class OutboundPolicy {
  readonly #hosts: ReadonlySet<string>;
  readonly #networks: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];

  private constructor(hosts: ReadonlySet<string>, networks: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][]) {
    this.#hosts = hosts;
    this.#networks = networks;
  }

  /**
   * From a comma- or space-separated list of host names, addresses and networks in CIDR form
   * (`portal.intranet.go.id, 10.20.0.0/16, 127.0.0.1`); throws on an entry that is none of these.
   */
  static parse(list: string | undefined): OutboundPolicy {
    const hosts = new Set<string>();
    const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
    for (const raw of (list ?? '').split(/[\s,]+/)) {
      const entry = raw
        .trim()
        .toLowerCase()
        .replace(/^\[|\]$/g, '');
      if (!entry) continue;
      if (entry.includes('://'))
        throw new Error(
          `${OUTBOUND_ALLOW_ENV}: "${raw}" is a URL; name its host (such as portal.go.id) instead`,
        );
      if (entry.includes('/')) {
        try {
          networks.push(ipaddr.parseCIDR(entry));
        } catch {
          throw new Error(
            `${OUTBOUND_ALLOW_ENV}: "${raw}" is not a network in CIDR form (such as 10.0.0.0/8)`,
          );
        }
      } else if (ipaddr.isValid(entry)) {
        const address = unmapped(entry);
        networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/.test(entry)) {
        hosts.add(entry.replace(/\.$/, ''));
      } else {
        throw new Error(`${OUTBOUND_ALLOW_ENV}: "${raw}" is not a host name, an address or a network`);
      }
    }
    return new OutboundPolicy(hosts, networks);
  }

  /** True when the host name itself is allowed (whatever it resolves to). */
  allowsHost(host: string): boolean {
    return this.#hosts.has(host.toLowerCase().replace(/\.$/, ''));
  }

  /** Why `address` (resolved from `host`) may not be reached, or undefined when it may. */
  refusal(host: string, address: string): OutboundRefused | undefined {
    const ip = unmapped(address);
    const range = ip.range();
    if (range === 'unicast') return undefined;
    if (this.#networks.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits)))
      return undefined;
    return new OutboundRefused(host, ip.toString(), range);
  }
}

/** An address, an IPv4-mapped IPv6 one (`::ffff:127.0.0.1`) read as the IPv4 it carries. */
function unmapped(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const ip = ipaddr.parse(address);
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip;
}
