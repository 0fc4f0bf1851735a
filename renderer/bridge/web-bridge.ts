import { buildBridge, type SwitchboardApi } from '../../shared/contract';

/**
 * Web mode (development and tests only): the same contract carried over loopback HTTP to the real core.
 * Calls are `POST /rpc/<name>` with the per-run token in a header; events arrive as server-sent events.
 * The token comes once in the URL fragment (never sent to the server in a Referer) and is kept for reloads
 * in sessionStorage, which dies with the tab.
 */
const TOKEN_KEY = 'switchboard.webToken';

function takeToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createWebBridge(): SwitchboardApi {
  const token = takeToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const ensureEvents = () => {
    if (source) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      const { name, payload } = JSON.parse(message.data) as { name: string; payload: unknown };
      listeners.get(name)?.forEach((listener) => listener(payload));
    };
  };

  return buildBridge(
    async (name, input) => {
      try {
        const response = await fetch(`/rpc/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-switchboard-token': token },
          body: JSON.stringify(input),
        });
        return await response.json();
      } catch {
        return {
          ok: false,
          error: { code: 'network_error', message: 'The Switchboard web-mode server is not answering. Is `npm run web` still running?' },
        };
      }
    },
    (name, listener) => {
      ensureEvents();
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  );
}
