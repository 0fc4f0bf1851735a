import type { GreenApiEngine, QueuedSend } from './engine';
import type { JournalEntry } from './journal';
import type { GreenApiInstanceRecord } from './world';

/** §8.4: "if the interval is set above 86,400,000 ms, the message will not be sent". */
const LONGEST_SEND_DELAY_MS = 86_400_000;

/** §7.1: queues a sendMessage and returns its idMessage. */
export function enqueueSend(engine: GreenApiEngine, instance: GreenApiInstanceRecord, body: QueuedSend['body']): QueuedSend {
  const item: QueuedSend = { messageID: engine.newId(20), type: 'sendMessage', body, queuedAt: engine.now() };
  engine.runtime(instance).outbox.push(item);
  processOutbox(engine, instance);
  return item;
}

/** What is still waiting: older than the retention time, it is gone (§6 "kept up to 24 h"). */
export function pendingSends(engine: GreenApiEngine, instance: GreenApiInstanceRecord): QueuedSend[] {
  const runtime = engine.runtime(instance);
  const now = engine.now();
  while (runtime.outbox[0] && now - runtime.outbox[0].queuedAt >= engine.world.timings.retentionMs) runtime.outbox.shift();
  return runtime.outbox;
}

/**
 * §8.4: one FIFO queue per instance, sent one by one, each `delaySendMessagesMilliseconds` after the previous send
 * (at once if more time has passed). Only an authorized instance sends; the queue waits otherwise and is kicked
 * again on authorization.
 */
export function processOutbox(engine: GreenApiEngine, instance: GreenApiInstanceRecord): void {
  const runtime = engine.runtime(instance);
  runtime.cancelSendTick?.();
  runtime.cancelSendTick = undefined;
  const outbox = pendingSends(engine, instance);
  if (outbox.length === 0 || instance.state !== 'authorized') return;
  const delay = Number(instance.settings.delaySendMessagesMilliseconds) || 0;
  if (delay > LONGEST_SEND_DELAY_MS) return;
  const now = engine.now();
  const dueAt = Math.max(now, runtime.lastSentAt + delay);
  if (dueAt > now) {
    runtime.cancelSendTick = engine.agenda.at(dueAt, () => processOutbox(engine, instance));
    return;
  }
  const item = outbox.shift()!;
  runtime.lastSentAt = now;
  deliver(engine, instance, item);
  processOutbox(engine, instance);
}

/**
 * One message leaves: into the journal as `sent`, then what WhatsApp makes of the recipient (§5.3): delivered and
 * read over time, `noAccount`, or `failed` for a group the sender is not in. Statuses go out only with
 * `outgoingWebhook`, except noAccount and failed, which cannot be switched off. A message to oneself stays `sent`.
 */
function deliver(engine: GreenApiEngine, instance: GreenApiInstanceRecord, item: QueuedSend): void {
  const { timings, recipients } = engine.world;
  const runtime = engine.runtime(instance);
  const { chatId, message } = item.body;
  const idMessage = item.messageID;
  const entry: JournalEntry = {
    type: 'outgoing',
    idMessage,
    timestamp: engine.seconds(),
    typeMessage: 'textMessage',
    chatId,
    textMessage: message,
    statusMessage: 'sent',
    sendByApi: true,
  };
  runtime.journal.add(entry, engine.now() + timings.journalLagMs);
  const status = (value: string, extra: Record<string, unknown> = {}) => {
    runtime.journal.update(idMessage, journalStatus(value), engine.seconds());
    engine.emit(instance, 'outgoingMessageStatus', { chatId, idMessage, status: value, ...extra, sendByApi: true }, ALWAYS_SENT.has(value) ? 'always' : 'outgoingWebhook');
  };

  const fate = recipients[chatId];
  if (fate === 'noAccount') return status('noAccount');
  // §13.8: the webhook example says `failed` / "Error: item-not-found"; the journal's own word is notInGroup.
  if (fate === 'notInGroup') return status('failed', { description: 'Error: item-not-found' });

  // §3: "no notification comes when sending to a non-existent WhatsApp account" — hence after the checks above.
  engine.emit(
    instance,
    'outgoingAPIMessageReceived',
    {
      idMessage,
      senderData: { chatId, sender: engine.wid(instance), chatName: '', senderName: '' },
      messageData: { typeMessage: 'textMessage', textMessageData: { textMessage: message } },
    },
    'outgoingAPIMessageWebhook',
  );
  status('sent');
  if (chatId === engine.wid(instance)) return;
  engine.agenda.after(timings.deliveredAfterMs, () => status('delivered'));
  engine.agenda.after(timings.readAfterMs, () => status('read'));
}

/** §5.3 / §3: statuses that cannot be switched off. */
const ALWAYS_SENT = new Set(['noAccount', 'failed']);

function journalStatus(webhookStatus: string): string {
  return webhookStatus === 'failed' ? 'notInGroup' : webhookStatus;
}
