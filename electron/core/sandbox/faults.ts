import type { ProviderId } from '../../../shared/providers';

/** What a fault does to a matching request. */
export type FaultEffect =
  /** Wait this long, then carry on (with the next matching fault, or the normal answer). */
  | { kind: 'latency'; ms: number }
  /**
   * Answer with this status. Without `body` the provider's own error envelope for the status is used (the
   * documented 466 body for GREEN-API); a string body is sent as text/plain, anything else as the provider's JSON.
   */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string>; retryAfter?: number | string }
  /** An nginx-style HTML error page (default 502 Bad Gateway). */
  | { kind: 'html'; status?: number }
  /** Never answer; the socket stays open until the client gives up or the sandbox closes. */
  | { kind: 'timeout' }
  /** Destroy the socket with a TCP RST before any answer (the client sees ECONNRESET). */
  | { kind: 'reset' }
  /**
   * The normal JSON answer cut in half. `short` (default): a complete HTTP response whose body is half a
   * document, as a broken proxy sends it. `drop`: the full Content-Length is announced and the socket closes
   * mid-body.
   */
  | { kind: 'truncated'; mode?: 'short' | 'drop' }
  /** 200 with a body that is not JSON (default: a short plain-text line). */
  | { kind: 'notJson'; body?: string; contentType?: string };

export type Fault = FaultEffect & {
  /** Apply to this many matching requests, then stop (default: until cleared). */
  times?: number;
  /** Only requests whose path (with query) contains this string, or matches this pattern. */
  path?: string | RegExp;
  /** Only this HTTP method. */
  method?: string;
};

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** The injected faults of every provider, consumed in injection order. */
export class FaultBoard {
  private readonly active = new Map<ProviderId, ActiveFault[]>();

  inject(provider: ProviderId, fault: Fault): void {
    const list = this.active.get(provider) ?? [];
    list.push({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY });
    this.active.set(provider, list);
  }

  clear(provider?: ProviderId): void {
    if (provider) this.active.delete(provider);
    else this.active.clear();
  }

  list(provider: ProviderId): Fault[] {
    return (this.active.get(provider) ?? []).map((entry) => entry.fault);
  }

  /**
   * The faults that apply to one request: every matching latency, then at most one terminal fault. Each one
   * taken uses up one of its `times`.
   */
  take(provider: ProviderId, method: string, pathWithQuery: string): Fault[] {
    const list = this.active.get(provider);
    if (!list) return [];
    const taken: Fault[] = [];
    for (const entry of list) {
      if (entry.remaining <= 0 || !matches(entry.fault, method, pathWithQuery)) continue;
      entry.remaining--;
      taken.push(entry.fault);
      if (entry.fault.kind !== 'latency') break;
    }
    this.active.set(
      provider,
      list.filter((entry) => entry.remaining > 0),
    );
    return taken;
  }
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method.toUpperCase() !== method.toUpperCase()) return false;
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? path.includes(fault.path) : fault.path.test(path);
}
