import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { SandboxContext } from '../clock';
import { startProviderServer, type ProviderServer, type SandboxHandler } from '../http-server';
import { deliveryRoutes } from './delivery-routes';
import { chatpushEngine, type ChatpushEngine } from './engine';
import { iframeRoutes } from './iframe-routes';
import { instanceRoutes, rootRoutes } from './instance-routes';
import { messengerRoutes } from './messenger-routes';
import { chatpushRouter } from './router';
import { developerWebhookRoutes, individualWebhookRoutes } from './webhook-routes';
import { chatpushWire, notFound } from './wire';
import type { ChatpushWorld } from './world';

export { chatpushWire } from './wire';

/**
 * Chategy/Jetapi simulator (specs/chatpush-chategy-jetapi.md §9). Three loopback servers stand in for the
 * brand's hosts:
 * - `rest` (api.<brand>): /api/v1, /developer/v1, /api/developer_chat, and the TDLib socket (§9.1);
 * - `root` (<brand>): POST /api/tmp/instances only;
 * - `whatsapp` (msg-farmer.<brand>): the QR socket, and nothing over plain HTTP.
 * The Phoenix sockets are attached through `upgrades` (one `onUpgrade` per server), so they share the ports.
 */
export function chatpushRestHandler(world: ChatpushWorld, engine: ChatpushEngine): SandboxHandler {
  return chatpushRouter(world, engine, [
    ...instanceRoutes,
    ...developerWebhookRoutes,
    ...individualWebhookRoutes,
    ...deliveryRoutes,
    ...messengerRoutes,
    ...iframeRoutes,
  ]);
}

export type ChatpushServerRole = 'rest' | 'root' | 'whatsapp';
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export interface ChatpushServers {
  rest: ProviderServer;
  root: ProviderServer;
  whatsapp: ProviderServer;
  /** The platform's clockwork (deliveries, subscriptions, callbacks, webhooks), shared with the controls. */
  engine: ChatpushEngine;
}

export async function startChatpushServers(
  world: ChatpushWorld,
  context: SandboxContext,
  upgrades: Partial<Record<ChatpushServerRole, UpgradeHandler>> = {},
): Promise<ChatpushServers> {
  const { faults, log } = context;
  const engine = chatpushEngine(world, context);
  const started: ProviderServer[] = [];
  const start = async (server: ChatpushServerRole, handler: SandboxHandler) => {
    const instance = await startProviderServer({
      provider: 'chatpush',
      server,
      handler,
      wire: chatpushWire,
      faults,
      log,
      ...(upgrades[server] ? { onUpgrade: upgrades[server] } : {}),
    });
    started.push(instance);
    return instance;
  };
  try {
    const rest = await start('rest', chatpushRestHandler(world, engine));
    const root = await start('root', chatpushRouter(world, engine, rootRoutes));
    const whatsapp = await start('whatsapp', () => notFound());
    engine.start();
    // The engine lives as long as the REST server: closing it stops the tick and aborts callbacks in flight.
    const closeRest = rest.close;
    rest.close = () => {
      engine.stop();
      return closeRest();
    };
    return { rest, root, whatsapp, engine };
  } catch (error) {
    await Promise.all(started.map((server) => server.close()));
    throw error;
  }
}
