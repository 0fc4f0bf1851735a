import type { PhoenixSocketWorld } from './socket-world';

/**
 * §4.1 prerequisite: "pass the domain name or IP from which requests will be received. The domain name must be
 * passed in origin." An entry with a scheme must equal the Origin (scheme, host and port); an entry without one
 * is a domain name or IP and matches the Origin's host. Both lists empty = every origin is accepted (see
 * PhoenixSocketWorld.developerOrigins). With a list set, a request without Origin is refused: the docs make
 * the header a requirement.
 */
export function originAllowed(state: PhoenixSocketWorld, customerId: number | undefined, origin: string | undefined): boolean {
  const list = [...state.developerOrigins, ...(customerId === undefined ? [] : (state.instanceOrigins.get(customerId) ?? []))];
  if (list.length === 0) return true;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return list.some((entry) => {
    const wanted = entry.trim().toLowerCase();
    return wanted.includes('://') ? wanted.replace(/\/+$/, '') === url.origin.toLowerCase() : wanted === url.hostname.toLowerCase();
  });
}
