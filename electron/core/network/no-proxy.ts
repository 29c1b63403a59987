import net from 'node:net';

/** One parsed `NO_PROXY` entry. */
type Rule =
  | { kind: 'all' }
  | { kind: 'name'; name: string; port: number | null }
  | { kind: 'ip'; list: net.BlockList; port: number | null };

function splitPort(entry: string): { host: string; port: number | null } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : null };
  // A bare IPv6 address (more than one colon) has no port.
  if ((entry.match(/:/g) ?? []).length > 1) return { host: entry, port: null };
  const match = /^(.*):(\d+)$/.exec(entry);
  return match ? { host: match[1]!, port: Number(match[2]) } : { host: entry, port: null };
}

function ipRule(host: string, port: number | null): Rule | null {
  const [address, prefixText] = host.split('/', 2) as [string, string | undefined];
  const family = net.isIP(address);
  if (family === 0) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const prefix = prefixText === undefined ? (family === 4 ? 32 : 128) : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128)) return null;
  const list = new net.BlockList();
  list.addSubnet(address, prefix, type);
  return { kind: 'ip', list, port };
}

function parseRule(raw: string): Rule | null {
  const entry = raw.trim().toLowerCase();
  if (!entry) return null;
  if (entry === '*') return { kind: 'all' };
  const { host, port } = splitPort(entry);
  const ip = ipRule(host, port);
  if (ip) return ip;
  // `.example.com`, `*.example.com` and `example.com` all cover example.com and its subdomains,
  // as curl reads them; a trailing dot is the same name.
  const name = host.replace(/^\*?\.+/, '').replace(/\.$/, '');
  if (!name || name.includes('/') || name.includes('*')) return null;
  return { kind: 'name', name, port };
}

/**
 * A `NO_PROXY` list (comma- or space-separated): `*` for everything; host names, matched with their
 * subdomains (`example.com`, `.example.com`, `*.example.com`); IP addresses and CIDR ranges
 * (`10.0.0.0/8`, `::1`); each optionally with `:port` to match only that port. Entries that parse
 * as none of these are ignored. Loopback is not implied: list it (`localhost,127.0.0.1`) to bypass.
 */
export function parseNoProxy(text: string | undefined): (target: URL) => boolean {
  const rules = (text ?? '')
    .slice(0, 16 * 1024)
    .split(/[\s,]+/)
    .map(parseRule)
    .filter((rule): rule is Rule => rule !== null);
  if (rules.length === 0) return () => false;
  return (target) => {
    const host = target.hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
    const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
    const family = net.isIP(host);
    return rules.some((rule) => {
      if (rule.kind === 'all') return true;
      if (rule.port !== null && rule.port !== port) return false;
      if (rule.kind === 'ip')
        return family !== 0 && rule.list.check(host, family === 4 ? 'ipv4' : 'ipv6');
      return host === rule.name || host.endsWith(`.${rule.name}`);
    });
  };
}
