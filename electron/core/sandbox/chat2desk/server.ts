import type { SandboxContext } from '../clock';
import { startProviderServer, type ProviderServer } from '../http-server';
import { accountRoutes } from './account-routes';
import { messageRoutes } from './message-routes';
import { miscRoutes } from './misc-routes';
import { chat2DeskRouter } from './router';
import { chat2DeskRuntime } from './runtime';
import { webhookRoutes } from './webhook-routes';
import { chat2DeskWire } from './wire';
import type { Chat2DeskWorld } from './world';


/**
 * Chat2Desk simulator (specs/chat2desk-chatti.md Part C). Paths are `/v1/...`, with or without a trailing slash
 * (C1); success is `{"data":…,"status":"success"}` plus `meta` on lists (C3); webhooks are really delivered,
 * signed, retried and disabled by the sandbox clock (C11, C12).
 */
export async function startChat2DeskServer(world: Chat2DeskWorld, context: SandboxContext): Promise<ProviderServer> {
  const runtime = chat2DeskRuntime(world, context);
  const server = await startProviderServer({
    provider: 'chat2desk',
    server: 'api',
    handler: chat2DeskRouter(world, runtime, [...accountRoutes, ...webhookRoutes, ...messageRoutes, ...miscRoutes]),
    wire: chat2DeskWire,
    faults: context.faults,
    log: context.log,
  });
  return {
    ...server,
    close: async () => {
      runtime.close();
      await server.close();
    },
  };
}
