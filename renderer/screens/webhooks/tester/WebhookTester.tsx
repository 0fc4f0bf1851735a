import type { AccountView } from '../../../../shared/accounts';

/** Placeholder until the tester is wired: send a sample to a receiver, or check a received payload. */
export function WebhookTester(_props: { accounts: readonly AccountView[] }) {
  return null;
}
