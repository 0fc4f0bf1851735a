import { WebSocketServer } from 'ws';
import type { SandboxContext } from '../../clock';
import type { ChatpushServerRole, UpgradeHandler } from '../server';
import type { ChatpushWorld } from '../world';
import { phoenixSocketWorld } from './socket-world';
import { telegramRoom } from './telegram-room';
import { phoenixUpgrade } from './upgrade';
import { whatsappRoom } from './whatsapp-room';

/**
 * The two Phoenix sockets of the Chategy/Jetapi simulator (§1.3, §9.1): the Telegram TDLib socket on the api
 * host (the `rest` server) and the WhatsApp QR socket on the msg-farmer host (the `whatsapp` server), as the
 * `onUpgrade` hooks startChatpushServers takes per server role.
 */
export function chatpushSocketUpgrades(world: ChatpushWorld, context: SandboxContext): Partial<Record<ChatpushServerRole, UpgradeHandler>> {
  const state = phoenixSocketWorld(world);
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  return {
    rest: phoenixUpgrade({
      kind: 'telegram',
      server: 'rest',
      world,
      state,
      context,
      wss,
      roomFor: (customerId, pushNow) => telegramRoom(customerId, world, state, pushNow),
    }),
    whatsapp: phoenixUpgrade({
      kind: 'whatsapp',
      server: 'whatsapp',
      world,
      state,
      context,
      wss,
      roomFor: (customerId) => whatsappRoom(customerId, world, state, context.clock),
    }),
  };
}
