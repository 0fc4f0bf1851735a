import { useEffect, useState } from 'react';
import type { WebhookCatalogue } from '../../../shared/webhooks';
import { call } from '../../bridge/client';

let cached: Promise<WebhookCatalogue> | null = null;

/** What each provider's webhooks can receive: fixed for a build, so read once per session. */
export function useWebhookCatalogue(): WebhookCatalogue | null {
  const [catalogue, setCatalogue] = useState<WebhookCatalogue | null>(null);
  useEffect(() => {
    cached ??= call('webhooks.catalogue', {}).catch((error: unknown) => {
      cached = null;
      throw error;
    });
    let live = true;
    cached.then((value) => live && setCatalogue(value), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
