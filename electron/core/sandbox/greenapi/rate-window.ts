import { documentedRps } from '../../providers/greenapi/documented-limits';

/**
 * The server side of §8.2: at most the documented number of requests per instance and method in any second of
 * sandbox time (for setProfilePicture's 0.1: one in any ten seconds). Keeps the arrival times of the last window per
 * key — at most 100 numbers, and only for keys in use.
 */
export class RateWindows {
  private readonly arrivals = new Map<string, number[]>();

  /** Records the request and says whether it is within the limit. */
  admit(idInstance: string, method: string, now: number): boolean {
    const rps = documentedRps(method);
    const allowed = Math.max(1, Math.floor(rps));
    const windowMs = rps >= 1 ? 1000 : 1000 / rps;
    const key = `${idInstance}/${method.toLowerCase()}`;
    const recent = (this.arrivals.get(key) ?? []).filter((at) => at > now - windowMs);
    if (recent.length >= allowed) {
      this.arrivals.set(key, recent);
      return false;
    }
    recent.push(now);
    this.arrivals.set(key, recent);
    return true;
  }
}
