import type { ProviderId } from '../../../shared/providers';
import { createChat2DeskControls, type Chat2DeskControls } from './chat2desk/controls';
import { startChat2DeskServer } from './chat2desk/server';
import { createChatpushControls, type ChatpushControls } from './chatpush/controls';
import { createChattiControls, type ChattiControls } from './chatti/controls';
import { createGreenApiControls, type GreenApiControls } from './greenapi/controls';
import { SandboxClock, type SandboxContext } from './clock';
import { chatpushSocketUpgrades } from './chatpush/phoenix/sockets';
import { startChatpushServers } from './chatpush/server';
import { startChattiServer } from './chatti/server';
import { FaultBoard, type Fault } from './faults';
import { startGreenApiServers } from './greenapi/server';
import { RequestLog, type ProviderServer, type RecordedRequest } from './http-server';
import { createSandboxState, DEFAULT_SANDBOX_SEED, type SandboxState } from './state';

export interface SandboxOptions {
  /** Same seed, same world (ids, tokens, balances). */
  seed?: number;
}

export interface SandboxUrls {
  chatpush: { rest: string; root: string; whatsappWs: string; telegramWs: string };
  greenapi: { apiUrl: string; mediaUrl: string };
  chat2desk: { baseUrl: string };
  chatti: { baseUrl: string };
}

/** The credentials of the demo workspace: every one of them is accepted by the sandbox. */
export interface SandboxDemo {
  chatpush: { apiKey: string; clientTokens: { label: string; token: string }[] };
  greenapi: { idInstance: string; apiTokenInstance: string; label: string }[];
  chat2desk: { apiToken: string };
  chatti: { apiKey: string; probePath: string };
}

export interface Sandbox {
  urls: SandboxUrls;
  demo: SandboxDemo;
  faults: {
    inject(provider: ProviderId, fault: Fault): void;
    clear(provider?: ProviderId): void;
    list(provider: ProviderId): Fault[];
  };
  /** What the simulated providers were asked, oldest first. GREEN-API tokens are masked. */
  requests: { list(provider?: ProviderId): RecordedRequest[]; clear(): void };
  /** The seeded world model; mutate it to change what the servers answer. */
  state: SandboxState;
  /** Sandbox time: advance it to expire subscriptions, move deliveries on, rotate QR codes. */
  clock: SandboxClock;
  /** Per-provider actions for tests and the demo (scan a QR, enter a code, seed instances…). */
  controls: {
    chatpush: ChatpushControls;
    greenapi: GreenApiControls;
    chat2desk: Chat2DeskControls;
    chatti: ChattiControls;
  };
  close(): Promise<void>;
}

/**
 * Starts every provider simulator on 127.0.0.1 (free ports) over one seeded world. The servers are real
 * node:http servers, reached through the same clients as production.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = createSandboxState(options.seed ?? DEFAULT_SANDBOX_SEED);
  const board = new FaultBoard();
  const log = new RequestLog();
  const clock = new SandboxClock();
  const context: SandboxContext = { faults: board, log, clock };
  const servers: ProviderServer[] = [];
  const closeAll = () => Promise.all(servers.map((server) => server.close())).then(() => undefined);

  try {
    const chatpush = await startChatpushServers(state.chatpush, context, chatpushSocketUpgrades(state.chatpush, context));
    servers.push(chatpush.rest, chatpush.root, chatpush.whatsapp);
    const greenapi = await startGreenApiServers(state.greenapi, context);
    servers.push(greenapi.api, greenapi.media);
    const chat2desk = await startChat2DeskServer(state.chat2desk, context);
    servers.push(chat2desk);
    const chatti = await startChattiServer(state.chatti, context);
    servers.push(chatti);

    const ws = (server: ProviderServer) => `ws://127.0.0.1:${server.port}/socket/websocket`;
    const urls: SandboxUrls = {
      chatpush: { rest: chatpush.rest.origin, root: chatpush.root.origin, whatsappWs: ws(chatpush.whatsapp), telegramWs: ws(chatpush.rest) },
      greenapi: { apiUrl: greenapi.api.origin, mediaUrl: greenapi.media.origin },
      chat2desk: { baseUrl: chat2desk.origin },
      chatti: { baseUrl: chatti.origin },
    };

    let closed: Promise<void> | undefined;
    return {
      urls,
      demo: demoCredentials(state),
      faults: {
        inject: (provider, fault) => board.inject(provider, fault),
        clear: (provider) => board.clear(provider),
        list: (provider) => board.list(provider),
      },
      requests: { list: (provider) => log.list(provider), clear: () => log.clear() },
      state,
      clock,
      controls: {
        chatpush: createChatpushControls(state.chatpush, context),
        greenapi: createGreenApiControls(state.greenapi, context),
        chat2desk: createChat2DeskControls(state.chat2desk, context),
        chatti: createChattiControls(state.chatti, context),
      },
      close: () => (closed ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export function demoCredentials(state: SandboxState): SandboxDemo {
  const { chatpush, greenapi, chat2desk, chatti } = state;
  return {
    chatpush: {
      apiKey: chatpush.apiKey,
      clientTokens: [
        ...chatpush.demoClientTokens.flatMap(({ label, customerId }) => {
          const instance = chatpush.instances.find((candidate) => candidate.customerId === customerId);
          return instance ? [{ label, token: instance.token }] : [];
        }),
        // Last, so the instances' tokens keep their places: the master account's token is what lets the Balances
        // screen read the balance renewals are paid from (§7.1); without it a demo balance would be "unknown".
        { label: 'Master account', token: chatpush.developer.token },
      ],
    },
    greenapi: greenapi.instances.map(({ idInstance, apiTokenInstance, label }) => ({ idInstance, apiTokenInstance, label })),
    chat2desk: { apiToken: chat2desk.apiToken },
    chatti: { apiKey: chatti.apiKey, probePath: chatti.probePath },
  };
}
