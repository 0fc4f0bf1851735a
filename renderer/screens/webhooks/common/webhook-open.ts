/** Which webhook dialog a list has open: add, edit or delete one of its webhooks, or none. */
export type WebhookOpen<W> = { kind: 'add' } | { kind: 'edit'; webhook: W } | { kind: 'delete'; webhook: W } | null;
