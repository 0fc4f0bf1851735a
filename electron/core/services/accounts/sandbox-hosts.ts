import type { StoredAccount } from './stored-account';

/** The endpoints of the running sandbox, as the sandbox reports them (ports change every run). */
export interface SandboxUrls {
  chatpush: { rest: string; root: string; whatsappWs: string; telegramWs: string };
  greenapi: { apiUrl: string; mediaUrl: string };
  chat2desk: { baseUrl: string };
  chatti: { baseUrl: string };
}

/** A sandbox account always points at this run's sandbox, whatever ports were current when it was saved. */
export function withSandboxUrls<T extends StoredAccount>(account: T, urls: SandboxUrls): T {
  switch (account.provider) {
    case 'chatpush':
      return { ...account, hosts: { ...urls.chatpush } };
    case 'greenapi':
      return { ...account, instances: account.instances.map((instance) => ({ ...instance, ...urls.greenapi })) };
    case 'chat2desk':
      return { ...account, baseUrl: urls.chat2desk.baseUrl };
    case 'chatti':
      return { ...account, baseUrl: urls.chatti.baseUrl };
  }
}
