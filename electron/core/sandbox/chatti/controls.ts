import type { SandboxContext } from '../clock';
import { createPrng } from '../prng';
import { chattiContact, type ChattiWorld } from './world';

/** What tests and the demo can do to the simulated Chatti account. */
export function createChattiControls(world: ChattiWorld, context: SandboxContext) {
  return {
    /** Adds `count` contacts created now (for pagination beyond the seeded 27); returns their ids. */
    addContacts(count: number, seed = world.nextIds.contact): number[] {
      const prng = createPrng(seed);
      const now = context.clock.now();
      return Array.from({ length: count }, () => {
        const contact = chattiContact(prng, world.nextIds.contact++, now);
        world.contacts.push(contact);
        return contact.id;
      });
    },

    /** A contact writes in: an inbound message created now. Returns its id. */
    receiveMessage(input: { from: string; body: string; to?: string }): number {
      const id = world.nextIds.message++;
      world.messages.push({ id, direction: 'inbound', from: input.from, to: input.to ?? '+15550000000', body: input.body, mediaUrl: null, parts: 1, createdMs: context.clock.now() });
      return id;
    },

    /** Part B 429: at most `requests` per `perMs` of sandbox time (null: no limit). */
    setRateLimit(limit: ChattiWorld['settings']['rateLimit']): void {
      world.settings.rateLimit = limit;
    },

    /** Part B 503: every request answers "Service Unavailable" while on. */
    setMaintenance(on: boolean): void {
      world.settings.maintenance = on;
    },
  };
}
export type ChattiControls = ReturnType<typeof createChattiControls>;
