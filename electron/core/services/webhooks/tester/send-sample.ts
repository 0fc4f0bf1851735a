import type { TesterExchange, TesterSendInput } from '../../../../../shared/webhook-tester';
import { AppError } from '../../../app-error';
import { chat2DeskSignatureHeaders } from '../../../providers/chat2desk/signature';
import { httpExchange, type ParsedBody, type ProviderDialect } from '../../../providers/http';
import { maskSecret, type Redactor } from '../../../redactor';
import type { Logger } from '../../../log';
import type { AccountsService } from '../../accounts/accounts-service';
import type { ProviderClients } from '../../provider-clients';
import { resolveChat2Desk, resolveGreenApiInstance } from '../../deliveries/account-targets';
import { chat2DeskSample } from './chat2desk-samples';
import { chatpushSample } from './chatpush-samples';
import { greenApiSample } from './greenapi-samples';

/** The receiver's answer shown back is cut here: a tester needs the start of an error page, not megabytes. */
const MAX_RESPONSE_CHARS = 64 * 1024;
/** The documents' example instance, for a GREEN-API sample not tied to one of the user's instances. */
const EXAMPLE_INSTANCE = { idInstance: 1101123456, wid: '11001234567@c.us' };

type Deps = { accounts: AccountsService; clients: ProviderClients; redactor: Redactor; log: Logger };
type Prepared = { body: Record<string, unknown>; headers: Record<string, string>; shownHeaders: Record<string, string> };

/**
 * Sends one sample event from main to the user's URL with the body, headers and signature the provider would use,
 * and returns both sides of the exchange. Whatever the receiver answers (a 500 included) is a result, not an
 * error; only not reaching it at all is.
 */
export async function sendSample(deps: Deps, input: TesterSendInput): Promise<TesterExchange> {
  const prepared = await prepare(deps, input);
  const rawBody = JSON.stringify(prepared.body);
  const dialect: ProviderDialect = { provider: input.provider, displayName: 'The webhook receiver', readError: () => ({}) };
  const exchange = await httpExchange({
    dialect,
    operation: 'webhookTester',
    action: `sending a ${input.type} sample`,
    method: 'POST',
    url: input.url,
    // httpExchange serialises the object with JSON.stringify, which gives back exactly `rawBody`: what was signed.
    body: prepared.body,
    headers: { Accept: '*/*', ...prepared.headers },
    redactor: deps.redactor,
    logger: deps.log,
  });
  const responseHeaders: [string, string][] = [];
  exchange.headers.forEach((value, name) => responseHeaders.push([name, deps.redactor.redact(value)]));
  const text = bodyText(exchange.body);
  return {
    request: { method: 'POST', url: input.url, headers: Object.entries({ Accept: '*/*', ...prepared.shownHeaders }), body: rawBody },
    response: { status: exchange.status, headers: responseHeaders, body: deps.redactor.redact(text.slice(0, MAX_RESPONSE_CHARS)), truncated: text.length > MAX_RESPONSE_CHARS },
    latencyMs: exchange.latencyMs,
  };
}

async function prepare(deps: Deps, input: TesterSendInput): Promise<Prepared> {
  const now = new Date();
  const unknownType = () => new AppError('invalid_input', `There is no ${input.provider} sample of type "${input.type}".`, { fields: [{ path: 'type', message: 'unknown sample type' }] });
  switch (input.provider) {
    case 'chatpush': {
      // ⚠ §5.1: the delivery method, headers and signing are undocumented; a JSON POST is what the platform is seen to send.
      const body = chatpushSample(input.type, input.variant, Math.floor(now.getTime() / 1000)) ?? throwError(unknownType());
      const headers = { 'Content-Type': 'application/json' };
      return { body, headers, shownHeaders: headers };
    }
    case 'greenapi': {
      const instance = input.instance ? await resolveGreenApiInstance(deps.accounts, input.instance) : null;
      const identity = instance ? { idInstance: Number(instance.instance.idInstance), wid: `${instance.instance.idInstance}@c.us` } : EXAMPLE_INSTANCE;
      const body = greenApiSample(input.type, identity, Math.floor(now.getTime() / 1000)) ?? throwError(unknownType());
      const token = await authorizationToken(deps, input.authorization);
      const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
      const shownHeaders = { ...headers };
      const authorization = token ? greenApiAuthorization(token) : undefined;
      if (authorization) {
        const [scheme] = authorization.split(' ');
        const credential = authorization.slice(scheme!.length + 1);
        // Both the header and the credential after its scheme: a receiver that echoes the credential alone (an
        // echo service, a framework's debug page) must not carry it into the response shown in the renderer.
        deps.redactor.add(authorization);
        deps.redactor.add(credential);
        headers.Authorization = authorization;
        shownHeaders.Authorization = `${scheme} ${maskSecret(credential).masked}`;
      }
      return { body, headers, shownHeaders };
    }
    case 'chat2desk': {
      const account = await resolveChat2Desk(deps.accounts, input.accountId);
      const body = chat2DeskSample(input.type, now) ?? throwError(unknownType());
      // The signature is not a secret (it covers one body at one time) and is shown, so the receiver's check can be compared.
      const headers = { 'Content-Type': 'application/json; charset=utf-8', ...chat2DeskSignatureHeaders(account.apiToken, JSON.stringify(body), now.getTime() / 1000) };
      return { body, headers, shownHeaders: headers };
    }
  }
}

async function authorizationToken(deps: Deps, authorization: Extract<TesterSendInput, { provider: 'greenapi' }>['authorization']): Promise<string> {
  if (authorization.kind === 'none') return '';
  if (authorization.kind === 'given') return authorization.value;
  const { instance } = await resolveGreenApiInstance(deps.accounts, authorization);
  return (await deps.clients.greenapiInstance(instance).getSettings()).webhookUrlToken ?? '';
}

/**
 * §5.2: webhookUrlToken goes out as the Authorization header: `Basic …` / `Bearer …` as written, and a token without
 * a scheme as `Bearer <token>` (the "default Bearer" reading of an ambiguous paragraph, §13.18).
 */
export function greenApiAuthorization(token: string): string {
  return /^(basic|bearer)\s/i.test(token) ? token : `Bearer ${token}`;
}

function bodyText(body: ParsedBody): string {
  return body.kind === 'empty' ? '' : body.text;
}

function throwError(error: Error): never {
  throw error;
}
