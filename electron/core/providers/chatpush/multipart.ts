import type { Logger } from '../../log';
import { proxyRouteFor, type ProxyConfig } from '../http';
import { looksTruncatedJson, parseBody, receiveBody } from '../http/body';
import { errorFromNetwork, errorFromStatus, errorFromSuccessBody, providerError, type CallContext } from '../http/error-mapping';

/**
 * One multipart/form-data POST (§6.6 send_file), with the common layer's timeout, cancellation and error mapping.
 * It exists only because `httpJson` serialises every body as JSON; it is a single attempt by design, since an
 * upload is a send and sends are never retried.
 */
export async function postMultipart(
  ctx: CallContext,
  request: { url: URL; headers: Record<string, string>; form: FormData; signal?: AbortSignal; logger?: Logger; proxy?: ProxyConfig },
): Promise<{ status: number; value: unknown }> {
  if (request.signal?.aborted) throw errorFromNetwork(ctx, request.signal.reason, 'cancelled');
  // The same proxy choice as every other call (app setting, else HTTPS_PROXY / NO_PROXY; loopback direct).
  const route = proxyRouteFor(request.url, request.proxy);
  for (const secret of route?.secrets ?? []) ctx.redactor.add(secret);
  if (route) ctx = { ...ctx, proxy: route.display };
  const controller = new AbortController();
  let abortedBy: 'timeout' | 'cancelled' | undefined;
  const timer = setTimeout(() => {
    abortedBy ??= 'timeout';
    controller.abort();
  }, ctx.timeoutMs);
  const onAbort = () => {
    abortedBy ??= 'cancelled';
    controller.abort();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const started = performance.now();
  const logFields = { provider: ctx.dialect.provider, operation: ctx.operation, method: 'POST', host: ctx.host };
  try {
    let response: Response;
    try {
      response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.form,
        signal: controller.signal,
        redirect: 'manual',
        // Node's fetch takes an undici dispatcher; lib.dom's RequestInit does not know the field.
        ...(route ? ({ dispatcher: route.dispatcher } as object) : {}),
      });
    } catch (error) {
      throw errorFromNetwork(ctx, error, abortedBy);
    }
    const received = await receiveBody(response);
    if (received.error) {
      if (!abortedBy && looksTruncatedJson(received.text)) {
        throw providerError(
          ctx,
          'truncated_json',
          `${ctx.dialect.displayName}'s reply was cut off before the end while ${ctx.action} on ${ctx.host}: the connection closed mid-reply. Look the delivery up before sending again.`,
          { status: response.status },
        );
      }
      throw errorFromNetwork(ctx, received.error, abortedBy);
    }
    const parsed = parseBody(received.text, response.headers.get('content-type'));
    if (response.status < 200 || response.status >= 300 || ctx.dialect.failedDespiteSuccess?.(parsed)) {
      throw errorFromStatus(ctx, response.status, parsed);
    }
    if (parsed.kind !== 'json' && parsed.kind !== 'empty') throw errorFromSuccessBody(ctx, response.status, parsed);
    request.logger?.debug('provider call', { ...logFields, attempt: 1, status: response.status, ms: Math.round(performance.now() - started) });
    return { status: response.status, value: parsed.kind === 'json' ? parsed.value : undefined };
  } catch (error) {
    request.logger?.warn('provider call failed', { ...logFields, attempt: 1, ms: Math.round(performance.now() - started) });
    throw error;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}
