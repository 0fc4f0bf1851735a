import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedsDirectory } from '../../golden/postman';
import { DEVELOPER_MONTHLY_QUOTA, DOCUMENTED_RPS } from '../documented-limits';
import {
  AuthorizationCodeSchema,
  ChatHistoryInputSchema,
  ClearQueueSchema,
  DeleteNotificationSchema,
  GetMessageInputSchema,
  JournalEntrySchema,
  JournalSchema,
  KNOWN_NOTIFICATION_TYPES,
  LogoutSchema,
  NotificationSchema,
  PhoneNumberSchema,
  ProfilePictureSchema,
  QueueSchema,
  QuotaBodySchema,
  RebootSchema,
  ReceivedNotificationSchema,
  SaveSettingsSchema,
  SendMessageInputSchema,
  SendMessageResultSchema,
  SettingsPatchSchema,
  SettingsSchema,
  StateInstanceSchema,
  WaSettingsSchema,
} from '../schemas';
import { loadGreenApiExamples, type DocExample } from './extract-examples';

/** The client's schema for each method's documented response. */
const RESPONSES: Record<string, z.ZodType> = {
  getSettings: SettingsSchema,
  setSettings: SaveSettingsSchema,
  getStateInstance: StateInstanceSchema,
  reboot: RebootSchema,
  logout: LogoutSchema,
  getAuthorizationCode: AuthorizationCodeSchema,
  setProfilePicture: ProfilePictureSchema,
  getWaSettings: WaSettingsSchema,
  sendMessage: SendMessageResultSchema,
  receiveNotification: ReceivedNotificationSchema.refine((received) => received?.notification, 'the notification inside must parse'),
  deleteNotification: DeleteNotificationSchema,
  getMessage: JournalEntrySchema,
  getChatHistory: JournalSchema,
  lastIncomingMessages: JournalSchema,
  lastOutgoingMessages: JournalSchema,
  showMessagesQueue: QueueSchema,
  clearMessagesQueue: ClearQueueSchema,
};

/** The client's (strict) schema for each method's documented request body. */
const REQUESTS: Record<string, z.ZodType> = {
  setSettings: SettingsPatchSchema,
  sendMessage: SendMessageInputSchema,
  getAuthorizationCode: z.strictObject({ phoneNumber: PhoneNumberSchema }),
  getChatHistory: ChatHistoryInputSchema,
  getMessage: GetMessageInputSchema,
};

const KnownNotificationSchema = NotificationSchema.refine((body) => KNOWN_NOTIFICATION_TYPES.has(body.typeWebhook), 'a documented typeWebhook');

/** Documentation defects the strict request schemas rightly refuse (file line → why). */
const DOCUMENTED_DEFECTS: Record<number, string> = {
  // §13.6: the "Типы входящих уведомлений" settings example uses a key the settings tables do not have.
  5625: 'statusInstanceChangedWebhook is not a setSettings key',
};

function schemaFor(example: DocExample): z.ZodType | undefined {
  const method = example.method ?? '';
  switch (example.role) {
    case 'notification':
      return KnownNotificationSchema;
    case 'error466':
      return QuotaBodySchema;
    case 'response':
      return RESPONSES[method];
    case 'request':
      return REQUESTS[method];
    default:
      return undefined;
  }
}

const examples = loadGreenApiExamples();

describe('golden: the JSON examples of the GREEN-API documentation (seed 004)', () => {
  it('finds every example, repairs what the text layout broke and reports the rest with reasons', () => {
    const skipped = examples.filter((example) => example.skipped);
    const report = {
      examples: examples.length,
      parsed: examples.length - skipped.length,
      joinedPageSplits: examples.filter((example) => example.repairs.some((repair) => repair.startsWith('joined'))).length,
      chatIdsRestored: examples.filter((example) => example.repairs.includes('chat-id suffixes restored')).length,
      annotationsRemoved: examples.filter((example) => example.repairs.includes('annotations removed')).length,
      skipped: skipped.map((example) => `line ${example.line} (${example.role} ${example.method ?? ''}, "${example.caption.slice(0, 50)}"): ${example.skipped}`),
    };
    console.info(`GREEN-API golden examples:\n${JSON.stringify(report, null, 2)}`);
    expect(report).toMatchObject({ examples: 170, parsed: 137, joinedPageSplits: 11 });
    expect(skipped).toHaveLength(33);
  });

  it('after the repair every chat id of every example has a canonical suffix, @c.us or @g.us', () => {
    const suffixes = new Set<string>();
    const visit = (value: unknown): void => {
      if (typeof value === 'string') for (const match of value.matchAll(/@([^\s,"@.]*)\.us\b/g)) suffixes.add(match[1]!);
      else if (value && typeof value === 'object') Object.values(value).forEach(visit);
    };
    examples.forEach((example) => visit(example.json));
    expect([...suffixes].sort()).toEqual(['c', 'g']);
  });

  it('every valid example of a method the console speaks parses into the client schemas', () => {
    const outcomes = examples
      .filter((example) => !example.skipped)
      .map((example) => {
        const schema = schemaFor(example);
        if (!schema) return { example, outcome: 'not covered' as const };
        const parsed = schema.safeParse(example.json);
        return { example, outcome: parsed.success ? ('parsed' as const) : ('failed' as const), issues: parsed.success ? [] : parsed.error.issues };
      });
    const failed = outcomes.filter((entry) => entry.outcome === 'failed');
    expect(
      failed.map((entry) => ({ line: entry.example.line, issues: entry.issues!.map((issue) => `${issue.path.join('.')}: ${issue.message}`) })),
    ).toEqual(Object.keys(DOCUMENTED_DEFECTS).map((line) => ({ line: Number(line), issues: expect.any(Array) })));
    const count = (role: string, outcome: string) => outcomes.filter((entry) => entry.example.role === role && entry.outcome === outcome).length;
    const summary = {
      notifications: count('notification', 'parsed'),
      responses: count('response', 'parsed'),
      requests: count('request', 'parsed'),
      quota466: count('error466', 'parsed'),
      notCovered: [...new Set(outcomes.filter((entry) => entry.outcome === 'not covered').map((entry) => `${entry.example.role} ${entry.example.method}`))],
    };
    console.info(`GREEN-API golden parse:\n${JSON.stringify(summary, null, 2)}`);
    expect(summary).toMatchObject({ notifications: 38, responses: 26, requests: 10, quota466: 2 });
  });

  it('the examples the digest singles out parse to the documented meaning', () => {
    const at = (line: number) => examples.find((example) => example.line === line)!;
    // §13.1: the getSettings example spells markIncomingMessagesRead; it lands in …Readed.
    expect(SettingsSchema.parse(at(597).json)).toMatchObject({ wid: '11001234567@c.us', markIncomingMessagesReaded: 'no', delaySendMessagesMilliseconds: 5000 });
    // §13.14: the button examples print idInstance and timestamp as strings.
    expect(NotificationSchema.parse(at(4955).json)).toMatchObject({ instanceData: { idInstance: 1101000001 }, timestamp: expect.any(Number) });
    // §13.6: `onLine`.
    expect(NotificationSchema.parse(at(5440).json)).toMatchObject({ statusInstance: 'online' });
    // §13.10: no timestamp on quotaExceeded; used/total numbers.
    expect(NotificationSchema.parse(at(5585).json)).toMatchObject({ typeWebhook: 'quotaExceeded', quotaData: { used: 3, total: 3 } });
    expect(QuotaBodySchema.parse(at(9645).json).correspondentsStatus).toMatchObject({ status: 'CORRESPONDENTS_QUOTE_EXCEEDED', used: 3, total: 3 });
  });

  it('the request-rate table (1.3.12) and the Developer quota table (1.2.2) match the document', () => {
    const file = readdirSync(seedsDirectory()).find((name) => name.startsWith('004_'))!;
    const text = readFileSync(join(seedsDirectory(), file), 'utf8');
    // A table starts at its heading on a line of its own (the contents list names it too) and ends at `to`.
    const rows = (from: string, to: string) => {
      const start = text.indexOf(`\n${from}\n`);
      return Object.fromEntries(
        text
          .slice(start, text.indexOf(to, start + from.length + 2))
          .split('\n')
          .map((line) => /^(\w+)\t([\d ,]+|Безлимит)(?:\t|$)/.exec(line))
          .filter((match): match is RegExpExecArray => !!match)
          .map((match) => [match[1], match[2] === 'Безлимит' ? undefined : Number(match[2]!.replace(/\s/g, '').replace(',', '.'))]),
      );
    };
    expect(rows('Допустимое число запросов', '1.3.13')).toEqual(DOCUMENTED_RPS);
    const quota = Object.fromEntries(Object.entries(rows('Методы и ограничения', 'Уведомления и ограничения')).filter(([, value]) => value !== undefined));
    expect(quota).toEqual(DEVELOPER_MONTHLY_QUOTA);
  });
});
