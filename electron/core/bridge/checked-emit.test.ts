import { describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/contract';
import type { Logger } from '../log';
import { checkedEmit } from './checked-emit';

function recording() {
  const sent: { name: string; payload: unknown }[] = [];
  const logged: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => logged.push({ level, message, fields });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { emit: checkedEmit((name, payload) => sent.push({ name, payload }), log), sent, logged };
}

describe('checkedEmit', () => {
  it('sends an event that matches its schema as it is', () => {
    const { emit, sent, logged } = recording();
    emit('fleet.changed', { revision: 3 });
    expect(sent).toEqual([{ name: 'fleet.changed', payload: { revision: 3 } }]);
    expect(logged).toEqual([]);
  });

  it('strips a field the schema does not declare, so it never reaches the renderer', () => {
    const { emit, sent } = recording();
    const payload = { ids: ['a1'], apiKey: 'CANARY-undeclared-secret' } as EventPayload<'accounts.changed'>;
    emit('accounts.changed', payload);
    expect(sent).toEqual([{ name: 'accounts.changed', payload: { ids: ['a1'] } }]);
    expect(JSON.stringify(sent)).not.toContain('CANARY');
  });

  it('drops an event that does not match, and logs its name and where it failed but not its payload', () => {
    const { emit, sent, logged } = recording();
    emit('accounts.changed', { ids: 'CANARY-not-a-list' } as unknown as EventPayload<'accounts.changed'>);
    emit('fleet.changed', { revision: 'CANARY-7' } as unknown as EventPayload<'fleet.changed'>);
    expect(sent).toEqual([]);
    expect(logged.map((entry) => [entry.level, entry.fields?.event, entry.fields?.paths])).toEqual([
      ['error', 'accounts.changed', ['ids']],
      ['error', 'fleet.changed', ['revision']],
    ]);
    expect(JSON.stringify(logged)).not.toContain('CANARY');
  });

  it('keeps sending the events after one was dropped', () => {
    const { emit, sent } = recording();
    emit('fleet.changed', {} as EventPayload<'fleet.changed'>);
    emit('fleet.changed', { revision: 4 });
    expect(sent).toEqual([{ name: 'fleet.changed', payload: { revision: 4 } }]);
  });
});
