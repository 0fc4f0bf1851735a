import { fieldIssue } from '../../../../../shared/field-problems';
import { CHATPUSH_STATUS_CALLBACK, type TesterExchange, type TesterSendInput } from '../../../../../shared/webhook-tester';
import { AppError } from '../../../app-error';
import type { Logger } from '../../../log';
import { chat2DeskSignatureHeaders, chat2DeskSigningKey } from '../../../providers/chat2desk/signature';
import type { ProviderDialect } from '../../../providers/http';
import { maskSecret, type Redactor } from '../../../redactor';
import type { AccountsService } from '../../accounts/accounts-service';
import { resolveChat2Desk, resolveGreenApiInstance } from '../../deliveries/account-targets';
import type { ProviderClients } from '../../provider-clients';
import { chat2DeskSample } from './chat2desk-samples';
import { chatpushSample } from './chatpush-samples';
import { greenApiSample } from './greenapi-samples';
import { postExactly, type HeaderLines } from './post-exactly';

/** The receiver's answer shown back is cut here: a tester needs the start of an error page, not megabytes. */
const MAX_RESPONSE_CHARS = 64 * 1024;
/** The documents' example instance, for a GREEN-API sample not tied to one of the user's instances. */
const EXAMPLE_INSTANCE = { idInstance: 1101123456, wid: '11001234567@c.us' };
/**
 * None of the documents names the User-Agent its platform sends webhooks with, so the tester does not make one up:
 * it says what it is (a receiver that filters on a provider's agent shows up as a refusal here).
 */
export const TESTER_USER_AGENT = 'Switchboard-WebhookTester/1.0';

type Deps = { accounts: AccountsService; clients: ProviderClients; redactor: Redactor; log: Logger };
/** The provider's own headers: `headers` go on the wire, `masked` says which values are shown otherwise. */
type Prepared = { rawBody: string; headers: HeaderLines; masked: Map<string, string> };

/**
 * Sends one sample event from main to the user's URL with the body, headers and signature the provider would use,
 * and returns both sides of the exchange: every request header as written (postExactly), and the answer. Whatever
 * the receiver answers (a 500 included) is a result, not an error; only not reaching it at all is.
 */
export async function sendSample(deps: Deps, input: TesterSendInput): Promise<TesterExchange> {
  const prepared = await prepare(deps, input, new Date());
  const dialect: ProviderDialect = { provider: input.provider, displayName: 'The webhook receiver', readError: () => ({}) };
  const exchange = await postExactly({
    url: input.url,
    headers: [...prepared.headers, ['User-Agent', TESTER_USER_AGENT]],
    body: prepared.rawBody,
    dialect,
    action: `sending a ${input.type} sample`,
    redactor: deps.redactor,
    log: deps.log,
    maxChars: MAX_RESPONSE_CHARS,
    proxy: deps.clients.proxy,
  });
  return {
    request: { method: 'POST', url: input.url, headers: exchange.sent.map(([name, value]) => [name, prepared.masked.get(name) ?? value]), body: prepared.rawBody },
    response: {
      status: exchange.status,
      headers: exchange.headers.map(([name, value]) => [name, deps.redactor.redact(value)]),
      body: deps.redactor.redact(exchange.text),
      truncated: exchange.truncated,
    },
    latencyMs: exchange.latencyMs,
  };
}

async function prepare(deps: Deps, input: TesterSendInput, now: Date): Promise<Prepared> {
  const seconds = Math.floor(now.getTime() / 1000);
  const unknownType = () => new AppError('invalid_input', `There is no ${input.provider} sample of type "${input.type}".`, { fields: [fieldIssue('type', 'unknown_sample_type')] });
  switch (input.provider) {
    case 'chatpush': {
      // A webhook payload names its variant; only the status callback (§6.7) has none.
      if (!input.variant && input.type !== CHATPUSH_STATUS_CALLBACK) {
        throw new AppError('invalid_input', 'Choose the webhook kind (developer or individual) for this sample.', { fields: [fieldIssue('variant', 'required')] });
      }
      const body = chatpushSample(input.type, input.variant ?? 'developer', seconds) ?? throwError(unknownType());
      // ⚠ §5.1, §6.7: the delivery method, headers and signing are undocumented; a JSON POST is what the platform is seen to send.
      return { rawBody: JSON.stringify(body), headers: [['Content-Type', 'application/json']], masked: new Map() };
    }
    case 'greenapi': {
      const instance = input.instance ? await resolveGreenApiInstance(deps.accounts, input.instance) : null;
      const identity = instance ? { idInstance: Number(instance.instance.idInstance), wid: `${instance.instance.idInstance}@c.us` } : EXAMPLE_INSTANCE;
      const body = greenApiSample(input.type, identity, seconds) ?? throwError(unknownType());
      const headers: HeaderLines = [['Content-Type', 'application/json; charset=utf-8']];
      const masked = new Map<string, string>();
      const token = await authorizationToken(deps, input.authorization);
      const authorization = token ? greenApiAuthorization(token) : undefined;
      if (authorization) {
        const [scheme] = authorization.split(' ');
        const credential = authorization.slice(scheme!.length + 1);
        // Both the header and the credential after its scheme: a receiver that echoes the credential alone (an
        // echo service, a framework's debug page) must not carry it into the response shown in the renderer.
        deps.redactor.add(authorization);
        deps.redactor.add(credential);
        headers.push(['Authorization', authorization]);
        masked.set('Authorization', `${scheme} ${maskSecret(credential).masked}`);
      }
      return { rawBody: JSON.stringify(body), headers, masked };
    }
    case 'chat2desk': {
      const body = chat2DeskSample(input.type, now) ?? throwError(unknownType());
      const rawBody = JSON.stringify(body);
      // A typed token signs this one sample and is forgotten. Like an account's, neither it nor its MD5 key may come
      // back: a receiver echoing either has it masked in the response shown.
      const apiToken = input.signer.kind === 'account' ? (await resolveChat2Desk(deps.accounts, input.signer.accountId)).apiToken : input.signer.apiToken;
      deps.redactor.add(apiToken);
      deps.redactor.add(chat2DeskSigningKey(apiToken));
      // The signature is not a secret (it covers one body at one time) and is shown, so the receiver's check can be compared.
      const signature = Object.entries(chat2DeskSignatureHeaders(apiToken, rawBody, now.getTime() / 1000));
      return { rawBody, headers: [['Content-Type', 'application/json; charset=utf-8'], ...signature], masked: new Map() };
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

function throwError(error: Error): never {
  throw error;
}
