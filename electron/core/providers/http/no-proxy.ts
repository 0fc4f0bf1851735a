import { BlockList, isIP } from 'node:net';
import { PROXY_LOOPBACK_OPT_IN } from '../../../../shared/network-settings';

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');
LOOPBACK.addSubnet('::ffff:127.0.0.0', 104, 'ipv6');

export function isLoopbackHost(hostname: string): boolean {
  const host = unbracket(hostname.toLowerCase()).replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  return family !== 0 && LOOPBACK.check(host, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A bypass list split into its entries and Chromium's `<-loopback>` token (the same meaning as in Chrome's and
 * Electron's proxy bypass rules): "send loopback through the proxy too", for a proxy on this computer (a debugging
 * proxy, a local authenticating relay such as cntlm, the test proxy of the browser tests).
 */
export function readBypassList(list: string): { entries: string; loopbackThroughProxy: boolean } {
  const parts = list.split(/[\s,]+/).filter(Boolean);
  const kept = parts.filter((part) => part.toLowerCase() !== PROXY_LOOPBACK_OPT_IN);
  return { entries: kept.join(','), loopbackThroughProxy: kept.length !== parts.length };
}

/**
 * NO_PROXY as curl reads it: `*` for everything; comma- or space-separated host names that match themselves and
 * their subdomains (a leading `.` or `*.` changes nothing); IP addresses and CIDR ranges; an optional `:port`.
 */
export function bypassed(target: URL, noProxy: string): boolean {
  const host = unbracket(target.hostname.toLowerCase()).replace(/\.$/, '');
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.toLowerCase().split(/[\s,]+/)) {
    if (!raw) continue;
    if (raw === '*') return true;
    const { name, entryPort } = splitPort(raw);
    if (entryPort && entryPort !== port) continue;
    if (matchesAddress(host, name)) return true;
    const domain = name.replace(/^\*?\.+/, '');
    if (domain && (host === domain || host.endsWith(`.${domain}`))) return true;
  }
  return false;
}

function matchesAddress(host: string, entry: string): boolean {
  const family = isIP(host);
  if (!family) return false;
  const [address, bits] = entry.split('/');
  const entryFamily = isIP(address ?? '');
  if (entryFamily !== family) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const list = new BlockList();
  if (bits === undefined) list.addAddress(address!, type);
  else if (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)) list.addSubnet(address!, Number(bits), type);
  else return false;
  return list.check(host, type);
}

function splitPort(entry: string): { name: string; entryPort?: string } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { name: bracketed[1]!, entryPort: bracketed[2] };
  const match = /^([^:]+):(\d+)$/.exec(entry);
  return match ? { name: match[1]!, entryPort: match[2] } : { name: entry };
}

function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}
