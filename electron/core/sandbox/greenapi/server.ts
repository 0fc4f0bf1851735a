import type { SandboxContext } from '../clock';
import { startProviderServer, type ProviderServer } from '../http-server';
import { greenApiEngine } from './engine';
import { qrSocketEndpoint } from './qr-socket-server';
import { greenApiHandler } from './router';
import { greenApiWire } from './wire';
import type { GreenApiWorld } from './world';

/**
 * GREEN-API simulator (specs/greenapi.md §14): the same routes on two servers, apiUrl and mediaUrl (§14.1), each
 * also taking the scanqrcode websocket upgrade on its port. Closing the api server stops the engine (its clock
 * agenda, webhook deliveries and QR sockets).
 */
export interface GreenApiServers {
  api: ProviderServer;
  media: ProviderServer;
}

export async function startGreenApiServers(world: GreenApiWorld, context: SandboxContext): Promise<GreenApiServers> {
  const { faults, log } = context;
  const engine = greenApiEngine(world, context);
  const wire = greenApiWire(world);
  const handler = greenApiHandler(engine, wire);
  const sockets = { api: qrSocketEndpoint(engine, wire, context, 'api'), media: qrSocketEndpoint(engine, wire, context, 'media') };
  const stop = () => {
    engine.close();
    sockets.api.close();
    sockets.media.close();
  };
  const start = (server: 'api' | 'media') =>
    startProviderServer({ provider: 'greenapi', server, handler, wire, faults, log, onUpgrade: sockets[server].handleUpgrade });
  try {
    const api = await start('api');
    try {
      const media = await start('media');
      return {
        api: {
          ...api,
          close: () => {
            stop();
            return api.close();
          },
        },
        media,
      };
    } catch (error) {
      await api.close();
      throw error;
    }
  } catch (error) {
    stop();
    throw error;
  }
}
