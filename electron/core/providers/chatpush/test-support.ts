import { Redactor } from '../../redactor';
import type { Sandbox } from '../../sandbox/sandbox';
import { instantRetry } from '../test-support';
import { ChatpushCustomerApi, type ChatpushCustomerCredentials } from './customer-api';
import { ChatpushDeveloperApi } from './developer-api';

/** Test support: Chategy/Jetapi clients pointed at a running sandbox, with instant retries that record their delays. */
export function sandboxClients(sandbox: Sandbox) {
  const retry = instantRetry();
  const redactor = new Redactor();
  const transport = { redactor, timeoutMs: 2000, retry: retry.retry };
  const { urls, demo, state } = sandbox;
  const developer = (apiKey = demo.chatpush.apiKey) =>
    new ChatpushDeveloperApi({ brand: 'jetapi', hosts: { rest: urls.chatpush.rest, root: urls.chatpush.root }, apiKey }, transport);
  /** A client for the instance with this customer id (default: the first demo instance). */
  const customer = (options: Partial<Omit<ChatpushCustomerCredentials, 'brand' | 'hosts'>> & { customerId?: number } = {}) => {
    const instance = state.chatpush.instances.find((candidate) => candidate.customerId === (options.customerId ?? state.chatpush.instances[0]!.customerId))!;
    return new ChatpushCustomerApi(
      { brand: 'jetapi', hosts: { rest: urls.chatpush.rest }, token: options.token ?? instance.token, idempotencyKey: options.idempotencyKey, iframeApi: options.iframeApi },
      transport,
    );
  };
  /** What the sandbox saw from Chategy/Jetapi clients, as `METHOD path` (query dropped). */
  const seen = () => sandbox.requests.list('chatpush').map((request) => `${request.method} ${request.path.split('?')[0]}`);
  return { developer, customer, seen, retryDelays: retry.delays, redactor };
}

export { rejection } from '../test-support';
