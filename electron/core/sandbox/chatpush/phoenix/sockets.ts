import { WebSocketServer } from 'ws';
import type { SandboxContext } from '../../clock';
import type { ChatpushWorld } from '../world';
import { phoenixSocketWorld } from './socket-world';
import { telegramRoom } from './telegram-room';
import { phoenixUpgrade } from './upgrade';
import { whatsappRoom } from './whatsapp-room';

/**
 * The two Phoenix sockets of the Chategy/Jetapi simulator (§1.3, §9.1): the WhatsApp QR socket on the
 * msg-farmer host and the Telegram TDLib socket on the api host. Each is an `onUpgrade` hook for the
 * provider server that stands in for that host.
 */
export function chatpushSocketUpgrades(world: ChatpushWorld, context: SandboxContext) {
  const state = phoenixSocketWorld(world);
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  return {
    whatsapp: phoenixUpgrade({
      kind: 'whatsapp',
      server: 'whatsapp',
      world,
      state,
      context,
      wss,
      roomFor: (customerId) => whatsappRoom(customerId, world, state, context.clock),
    }),
    telegram: phoenixUpgrade({
      kind: 'telegram',
      server: 'rest',
      world,
      state,
      context,
      wss,
      roomFor: (customerId, pushNow) => telegramRoom(customerId, world, state, pushNow),
    }),
  };
}
