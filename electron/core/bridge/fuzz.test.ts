import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../../shared/contract';
import { AppErrorSchema, resultSchema } from '../../../shared/errors';
import { startTestCore } from '../testing/test-core';
import { z } from 'zod';

/**
 * Property-based fuzzing of the whole bridge: arbitrary JSON-ish inputs to every contract call must come back as
 * a well-formed result — a value or a typed error — never a throw, a hang or an unhandled rejection.
 */
let core: Awaited<ReturnType<typeof startTestCore>>;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  core = await startTestCore();
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await core.dispose();
});

// Calls that would change the workspace in ways that make later runs meaningless are fuzzed too, but their
// accepted inputs are rare enough under random generation that the workspace stays small.
const envelope = resultSchema(z.unknown());

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, '__proto__', { __proto__: { polluted: true } }, { constructor: { prototype: {} } }),
  fc.dictionary(fc.constantFrom('id', 'draft', 'patch', 'passphrase', 'confirm', 'theme', 'locale', 'existingId'), fc.jsonValue()),
  fc.record({
    draft: fc.record({ provider: fc.constantFrom('chatpush', 'greenapi', 'chat2desk', 'chatti', 'other'), name: fc.string() }),
  }),
);

describe('bridge fuzzing', () => {
  it('every call answers every input with a value or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...callNames), hostile, async (name, input) => {
        const result = await core.callRaw(name, input);
        expect(envelope.safeParse(result).success).toBe(true);
        if (!result.ok) expect(AppErrorSchema.safeParse(result.error).success).toBe(true);
      }),
      { numRuns: 400, seed: 20261122 },
    );
    expect(unhandled).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('unknown call names are refused, whatever they look like', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (name) => {
        fc.pre(!(callNames as string[]).includes(name));
        const result = await core.callRaw(name, {});
        expect(result.ok === false && result.error.code).toBe('unknown_call');
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});
