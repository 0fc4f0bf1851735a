import type { SandboxContext } from '../clock';
import { STATUS_CODES } from 'node:http';
import { startProviderServer, type ProviderServer, type ProviderWire, type SandboxRequest, type SandboxResponse } from '../http-server';
import type { GreenApiInstanceRecord, GreenApiWorld } from '../state';

/**
 * GREEN-API simulator (specs/greenapi.md §14). Routes are `/waInstance{idInstance}/{method}/{apiTokenInstance}`
 * on two servers, apiUrl and mediaUrl, which serve the same routes (§14.1). This slice answers the account reads
 * the connection test needs: getStateInstance and getSettings.
 */

/** §8.3 identifiers, sent as the error body. Their wire shape is a doc gap (§14.22): see GreenApiWorld.errorFormat. */
const IDENTIFIERS: Record<number, string> = {
  400: 'bad request data',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/** §8.1: the only error body GREEN-API documents as JSON. */
const QUOTA_BODY = {
  invokeStatus: {
    method: 'getstateinstance',
    used: 100,
    total: 100,
    status: 'QUOTE_EXCEEDED',
    description:
      'Monthly quota has been exceeded. Please go to your console and change the tariff to business https://console.green-api.com',
  },
};

export function greenApiWire(world: GreenApiWorld): ProviderWire {
  const json = (status: number, value: unknown): SandboxResponse => ({
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: JSON.stringify(value),
  });
  return {
    jsonResponse: json,
    errorResponse: (status) => {
      if (status === 466) return json(466, QUOTA_BODY);
      const identifier = IDENTIFIERS[status] ?? STATUS_CODES[status] ?? 'Error';
      return world.errorFormat === 'json'
        ? json(status, { message: identifier })
        : { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: identifier };
    },
    // The token sits in the path: never keep it in the request log.
    logPath: (path) => path.replace(/^(\/waInstance[^/]*\/[^/]+\/)[^/?]+/, '$1••••'),
  };
}

type MethodHandler = (instance: GreenApiInstanceRecord, req: SandboxRequest) => SandboxResponse;

export function greenApiHandler(world: GreenApiWorld) {
  const wire = greenApiWire(world);
  // §14.1: the doc prints some method names capitalised (SendMessage, SetSettings); match case-insensitively.
  const methods: Record<string, { verb: string; handle: MethodHandler }> = {
    getstateinstance: {
      verb: 'GET',
      // §2.3: the body is `null` while the instance is being created.
      handle: (instance) => wire.jsonResponse(200, instance.state === null ? null : { stateInstance: instance.state }),
    },
    getsettings: {
      verb: 'GET',
      handle: (instance) => wire.jsonResponse(200, instance.settings),
    },
  };

  return (req: SandboxRequest): SandboxResponse => {
    // §8.3: OPTIONS answers 204 No Content.
    if (req.method === 'OPTIONS') return { status: 204 };
    const match = /^\/waInstance(\d+)\/([^/]+)\/([^/]+)(?:\/.*)?$/.exec(req.path);
    // §14.2: an unknown idInstance or a wrong path is 403; a wrong token 401; an unknown method 404.
    if (!match) return wire.errorResponse(403);
    const [, idInstance, methodName, token] = match as unknown as [string, string, string, string];
    const instance = world.instances.find((candidate) => candidate.idInstance === idInstance);
    if (!instance) return wire.errorResponse(403);
    if (decodeURIComponent(token) !== instance.apiTokenInstance) return wire.errorResponse(401);
    const method = methods[methodName.toLowerCase()];
    if (!method || method.verb !== req.method) return wire.errorResponse(404);
    return method.handle(instance, req);
  };
}

export interface GreenApiServers {
  api: ProviderServer;
  media: ProviderServer;
}

export async function startGreenApiServers(world: GreenApiWorld, context: SandboxContext): Promise<GreenApiServers> {
  const { faults, log } = context;
  const handler = greenApiHandler(world);
  const wire = greenApiWire(world);
  const api = await startProviderServer({ provider: 'greenapi', server: 'api', handler, wire, faults, log });
  try {
    const media = await startProviderServer({ provider: 'greenapi', server: 'media', handler, wire, faults, log });
    return { api, media };
  } catch (error) {
    await api.close();
    throw error;
  }
}
