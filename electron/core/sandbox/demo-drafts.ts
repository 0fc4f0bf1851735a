import type { AccountDraft } from '../../../shared/accounts';
import type { Sandbox } from './sandbox';

/** One account draft per provider, pointing at a running sandbox: what the demo workspace creates. */
export function sandboxAccountDrafts(sandbox: Pick<Sandbox, 'urls' | 'demo'>): AccountDraft[] {
  const { urls, demo } = sandbox;
  return [
    {
      provider: 'chatpush',
      name: 'Demo Jetapi',
      brand: 'custom',
      hosts: urls.chatpush,
      apiKey: demo.chatpush.apiKey,
      clientTokens: demo.chatpush.clientTokens.map(({ label, token }) => ({ id: undefined, label, token })),
      wsOrigin: '',
      idempotencyKey: undefined,
    },
    {
      provider: 'greenapi',
      name: 'Demo GREEN-API',
      instances: demo.greenapi.map(({ label, idInstance, apiTokenInstance }) => ({
        id: undefined,
        label,
        idInstance,
        apiTokenInstance,
        apiUrl: urls.greenapi.apiUrl,
        mediaUrl: urls.greenapi.mediaUrl,
      })),
    },
    { provider: 'chat2desk', name: 'Demo Chat2Desk', baseUrl: urls.chat2desk.baseUrl, apiToken: demo.chat2desk.apiToken },
    {
      provider: 'chatti',
      name: 'Demo Chatti',
      baseUrl: urls.chatti.baseUrl,
      probePath: demo.chatti.probePath,
      apiKey: demo.chatti.apiKey,
    },
  ];
}
