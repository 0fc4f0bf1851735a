import { DEFAULT_TIMEOUT_MS, type ParsedBody } from '../http';
import { parseBody, receiveBody } from '../http/body';
import { errorFromNetwork, errorFromStatus, type CallContext } from '../http/error-mapping';
import { parseRetryAfter } from '../http/retry';

/**
 * One multipart/form-data POST (setProfilePicture's `file`, §2.10). The common layer sends JSON bodies only, so this
 * is the one GREEN-API request made outside it; it reuses the layer's body reading and error mapping, never retries
 * (an upload is a write) and never follows a redirect (the token is in the URL path). The 2xx body is handed back
 * parsed but unjudged: setProfilePicture reads its own `rate-overlimit` answer.
 */
export async function postForm(
  ctx: CallContext,
  url: string,
  form: FormData,
  options: { signal?: AbortSignal; timeoutMs?: number },
): Promise<{ status: number; body: ParsedBody }> {
  const controller = new AbortController();
  let abortedBy: 'timeout' | 'cancelled' | undefined;
  const timer = setTimeout(() => {
    abortedBy ??= 'timeout';
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = () => {
    abortedBy ??= 'cancelled';
    controller.abort();
  };
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body: form, headers: { Accept: 'application/json' }, signal: controller.signal, redirect: 'manual' });
    } catch (error) {
      throw errorFromNetwork(ctx, error, abortedBy);
    }
    const received = await receiveBody(response);
    if (received.error) throw errorFromNetwork(ctx, received.error, abortedBy);
    const body = parseBody(received.text, response.headers.get('content-type'));
    if (response.status < 200 || response.status >= 300) {
      const retryAfter = response.status === 429 ? parseRetryAfter(response.headers.get('retry-after'), Date.now()) : undefined;
      throw errorFromStatus(ctx, response.status, body, retryAfter);
    }
    return { status: response.status, body };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}
