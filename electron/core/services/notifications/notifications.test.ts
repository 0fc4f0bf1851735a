import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX } from '../../../../shared/calls/notifications';
import { createDispatcher, type Handlers } from '../../bridge/dispatcher';
import { silentLogger } from '../../log';
import { Redactor } from '../../redactor';
import { openJsonStore } from '../../store/json-store';
import { startTestCore } from '../../testing/test-core';
import { MAX_PER_MINUTE, type DesktopNotifier } from './desktop-notifications';
import { createNotificationHandlers } from './handlers';

const trusted = { trusted: true } as const;

/** The notification centre as glue would offer it, recording what it was asked to show. */
function recordingNotifier(supported = true): DesktopNotifier & { shown: { title: string; body: string }[] } {
  const shown: { title: string; body: string }[] = [];
  return { supported: () => supported, show: (text) => void shown.push(text), shown };
}

function dispatcherWith(notifier: DesktopNotifier | null) {
  const { store } = openJsonStore(mkdtempSync(join(tmpdir(), 'switchboard-notify-')));
  const handlers = createNotificationHandlers({ notifier, store });
  return createDispatcher(handlers as unknown as Handlers, { log: silentLogger, redactor: new Redactor() });
}

describe('notifications.show through the dispatcher', () => {
  it('hands a valid title and body to the OS, trimmed', async () => {
    const notifier = recordingNotifier();
    const dispatch = dispatcherWith(notifier);
    const result = await dispatch('notifications.show', { title: '  Low balance ', body: 'Jetapi main: 10.00 is below 100.00.' }, trusted);
    expect(result).toEqual({ ok: true, value: { shown: true, reason: 'shown' } });
    expect(notifier.shown).toEqual([{ title: 'Low balance', body: 'Jetapi main: 10.00 is below 100.00.' }]);
  });

  it.each([
    ['an empty title', { title: '   ', body: 'x' }, 'title'],
    ['a title over the bound', { title: 't'.repeat(NOTIFICATION_TITLE_MAX + 1), body: 'x' }, 'title'],
    ['a body over the bound', { title: 't', body: 'b'.repeat(NOTIFICATION_BODY_MAX + 1) }, 'body'],
    ['a body that is not text', { title: 't', body: 42 }, 'body'],
    ['an unknown field (an icon path, a URL to open…)', { title: 't', body: 'b', icon: '/etc/passwd' }, ''],
  ])('refuses %s with invalid_input and shows nothing', async (_label, input, path) => {
    const notifier = recordingNotifier();
    const result = await dispatcherWith(notifier)('notifications.show', input, trusted);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!result.ok && result.error.details?.fields?.[0]?.path).toBe(path);
    expect(notifier.shown).toEqual([]);
  });

  it('answers that nothing was shown where there is no notification centre', async () => {
    expect(await dispatcherWith(null)('notifications.show', { title: 't', body: 'b' }, trusted)).toEqual({
      ok: true,
      value: { shown: false, reason: 'unavailable' },
    });
    const unsupported = recordingNotifier(false);
    expect(await dispatcherWith(unsupported)('notifications.show', { title: 't', body: 'b' }, trusted)).toMatchObject({
      value: { shown: false, reason: 'unavailable' },
    });
    expect(unsupported.shown).toEqual([]);
  });

  it('respects the user turning them off, and on again', async () => {
    const notifier = recordingNotifier();
    const dispatch = dispatcherWith(notifier);
    expect(await dispatch('notifications.status', {}, trusted)).toEqual({ ok: true, value: { available: true, enabled: true } });
    expect(await dispatch('notifications.setEnabled', { enabled: false }, trusted)).toEqual({ ok: true, value: { available: true, enabled: false } });
    expect(await dispatch('notifications.show', { title: 't', body: 'b' }, trusted)).toMatchObject({ value: { shown: false, reason: 'turnedOff' } });
    await dispatch('notifications.setEnabled', { enabled: true }, trusted);
    expect(await dispatch('notifications.show', { title: 't', body: 'b' }, trusted)).toMatchObject({ value: { shown: true } });
    expect(notifier.shown).toHaveLength(1);
  });

  it('shows at most a handful a minute, so a page gone wrong cannot flood the OS', async () => {
    const notifier = recordingNotifier();
    const dispatch = dispatcherWith(notifier);
    const reasons = [];
    for (let i = 0; i <= MAX_PER_MINUTE; i++) {
      const result = await dispatch('notifications.show', { title: `t${i}`, body: 'b' }, trusted);
      reasons.push(result.ok && (result.value as { reason: string }).reason);
    }
    expect(reasons.at(-1)).toBe('tooMany');
    expect(notifier.shown).toHaveLength(MAX_PER_MINUTE);
  });
});

describe('notifications in web mode', () => {
  let running: Awaited<ReturnType<typeof startTestCore>> | undefined;
  afterAll(async () => running?.dispose());

  it('the whole core without a notifier says none was shown, so the page keeps its own notice', async () => {
    running = await startTestCore();
    expect(await running.call('notifications.status')).toEqual({ available: false, enabled: true });
    expect(await running.call('notifications.show', { title: 'Low balance', body: 'x' })).toEqual({ shown: false, reason: 'unavailable' });
  });
});
