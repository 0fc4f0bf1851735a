import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { loadSeedExamples, type PostmanExample } from '../golden/postman';
import {
  BulkDeliveryEnvelopeSchema,
  DeliveryEnvelopeSchema,
  OperatorSearchSchema,
  UtmMarksSchema,
} from './delivery-schemas';
import { ConversationsSchema, DeletedChatsSchema, IframeLinkSchema } from './iframe-schemas';
import { TelegramBotEnvelopeSchema } from './messenger-schemas';
import {
  AccountSchema,
  BareSuccessSchema,
  FailureEnvelopeSchema,
  InstanceCreatedSchema,
  InstanceEnvelopeSchema,
  InstanceListSchema,
  InstanceRenewedSchema,
  InstanceUpdatedSchema,
} from './schemas';
import { WebhookEnvelopeSchema, WebhookListSchema } from './webhook-schemas';

/**
 * Golden tests: every saved response example of the Chategy (000) and Jetapi (001) collections that is valid JSON
 * parses with the schema of its operation. A `meta.status` of "fail" is a failure whatever the HTTP code (some
 * examples carry none, and [J-corp]'s "Successful result" for deleting chats is a 401 body).
 */
const ROUTES: [method: string, path: RegExp, schema: z.ZodType][] = [
  ['POST', /\/api\/tmp\/instances$/, InstanceCreatedSchema],
  ['GET', /\/developer\/v1\/instances\/?$/, InstanceListSchema],
  ['GET', /\/developer\/v1\/instances\/[^/]+$/, InstanceEnvelopeSchema],
  ['PUT', /\/developer\/v1\/instances\/[^/]+$/, InstanceUpdatedSchema],
  ['POST', /\/renew_subscription$/, InstanceRenewedSchema],
  ['DELETE', /\/delete_container_session$/, BareSuccessSchema],
  ['GET', /\/webhooks\/?$/, WebhookListSchema],
  ['GET', /\/webhooks\/[^/]+$/, WebhookEnvelopeSchema],
  ['POST', /\/webhooks$/, WebhookEnvelopeSchema],
  ['PUT', /\/webhooks\/[^/]+$/, WebhookEnvelopeSchema],
  ['PATCH', /\/webhooks\/[^/]+$/, WebhookEnvelopeSchema],
  ['DELETE', /\/webhooks\/[^/]+$/, BareSuccessSchema],
  ['GET', /\/api\/v1\/account$/, AccountSchema],
  ['POST', /\/api\/v1\/delivery$/, DeliveryEnvelopeSchema],
  ['GET', /\/api\/v1\/delivery\/[^/]+$/, DeliveryEnvelopeSchema],
  ['DELETE', /\/api\/v1\/delivery\/[^/]+$/, BareSuccessSchema],
  ['POST', /\/v1\/bulk_delivery$/, BulkDeliveryEnvelopeSchema],
  ['GET', /\/api\/v1\/operators\/search$/, OperatorSearchSchema],
  ['GET', /\/api\/v1\/utm_mark$/, UtmMarksSchema],
  ['POST', /\/api\/v1\/send_file$/, DeliveryEnvelopeSchema],
  ['POST', /\/api\/v1\/max\/(send_phone|send_code|close_session)$/, BareSuccessSchema],
  ['POST', /\/developer\/v1\/telegram_bots$/, TelegramBotEnvelopeSchema],
  ['POST', /\/generate_link$/, IframeLinkSchema],
  ['POST', /\/change_password$/, BareSuccessSchema],
  ['PUT', /\/conversations\/notes$/, ConversationsSchema],
  ['DELETE', /\/(chatter|developer_chat)\/?$/, DeletedChatsSchema],
];

function schemaFor(example: PostmanExample): z.ZodType {
  const failed = (example.json as { meta?: { status?: unknown } } | null)?.meta?.status === 'fail';
  if (failed) return FailureEnvelopeSchema;
  const path = example.url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  const route = ROUTES.find(([method, pattern]) => method === example.method && pattern.test(path));
  if (!route) throw new Error(`no schema for ${example.method} ${path} (${example.requestName} / ${example.exampleName})`);
  return route[2];
}

const label = (example: PostmanExample) => `${example.folderPath.join(' / ')} :: ${example.requestName} :: ${example.exampleName}`;

describe.each([
  ['000 Chategy', '000', 42],
  ['001 Jetapi', '001', 82],
])('golden examples of %s', (_name, seed, validJson) => {
  const examples = loadSeedExamples(seed);
  const json = examples.filter((example) => example.bodyIsJson);

  it(`has ${validJson} valid-JSON examples, each parsing with its operation's schema`, () => {
    expect(json).toHaveLength(validJson);
    const failures = json.flatMap((example) => {
      const result = schemaFor(example).safeParse(example.json);
      return result.success ? [] : [`${label(example)}: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('reads every failure example into code, message, field errors and status_id', () => {
    for (const example of json) {
      const result = FailureEnvelopeSchema.safeParse(example.json);
      if (!result.success) continue;
      expect(result.data.message, label(example)).toMatch(/\S/);
      // §1.5: the 422s carry field errors; only renew's "not enough money" has a status_id.
      if (result.data.code === 422) expect(Object.keys(result.data.errors).length, label(example)).toBeGreaterThan(0);
      expect(result.data.statusId === null || result.data.statusId === 1, label(example)).toBe(true);
    }
  });
});

describe('examples skipped as invalid JSON', () => {
  it('are exactly the two broken Jetapi bodies the spec lists (§3 trailing comma, §6.2 missing quote)', () => {
    const skipped = ['000', '001'].flatMap((seed) =>
      loadSeedExamples(seed)
        .filter((example) => !example.bodyIsJson)
        .map((example) => `${seed} ${label(example)}`),
    );
    expect(skipped).toEqual([
      // §3: `"sender_names": ["jeth813","testname",]`: a trailing comma.
      '001 For individual Developers / Account :: View account information :: Successful result',
      // §6.2: `"sender_name": SENDERNAME"`: the opening quote is missing.
      '001 For individual Developers / Available endpoints :: Bulk Delivery :: Successful result',
    ]);
  });
});

describe('what the golden bodies say, parsed', () => {
  const all = [...loadSeedExamples('000'), ...loadSeedExamples('001')].filter((example) => example.bodyIsJson);
  const find = (request: string, example: string) => all.find((e) => e.requestName.startsWith(request) && e.exampleName.startsWith(example))!;

  it('send returns the flat status, lookup the nested one with the operator: both read the same way', () => {
    const sent = DeliveryEnvelopeSchema.parse(find('Delivery', 'Successful').json);
    expect(sent).toMatchObject({ id: 94396942, statusId: 6, statusDescription: 'Accepted', final: false, phone: '+995598464533', trafficCategory: 'advert' });
    const looked = DeliveryEnvelopeSchema.parse(find('Information about the delivery', 'Successful').json);
    expect(looked).toMatchObject({ statusId: 49, statusDescription: 'Forbidden', final: true, sum: '0.00' });
    expect(looked.operator).toEqual({ id: 81, name: 'Georgia', brandName: 'Georgia', country: 'Georgia', slug: 'georgia' });
  });

  it('instance create keeps the string external_id and the idempotency key; renew 422 has status_id 1', () => {
    expect(InstanceCreatedSchema.parse(find('Creating an instance', 'Successful').json)).toMatchObject({
      id: 3748,
      customerId: 20322,
      idempotencyKey: '78avGOJp',
      renewSubscription: true,
      externalId: '77777',
    });
    expect(FailureEnvelopeSchema.parse(find('Activating an instance subscription', 'Error').json)).toEqual({
      code: 422,
      message: 'Unprocessable Entity',
      errors: { base: ['not enough money'] },
      statusId: 1,
    });
    // §1.5: the create 422 variant, lower-case "entity" and no status_id.
    expect(FailureEnvelopeSchema.parse(find('Creating an instance', 'Error').json)).toMatchObject({ message: 'Unprocessable entity', statusId: null });
  });
});
