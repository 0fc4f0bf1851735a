import type { AccountDraft, AccountPatch, AccountView } from '../../../../shared/accounts';
import {
  CHAT2DESK_DEFAULT_BASE_URL,
  CHATPUSH_BRAND_HOSTS,
  CHATTI_DEFAULT_PROBE_PATH,
  GREENAPI_DEFAULT_HOSTS,
  type ProviderId,
} from '../../../../shared/providers';

/**
 * What the form edits: the account patch from shared/accounts.ts with every text a plain string ('' for a secret
 * not typed) and every list row carrying a React key that never leaves the renderer.
 */
type Editable<T> = {
  [K in Exclude<keyof T, 'id'>]-?: NonNullable<T[K]> extends readonly (infer Entry)[]
    ? (Editable<Entry> & { rowKey: string })[]
    : string extends NonNullable<T[K]>
      ? string
      : NonNullable<T[K]>;
  // A row's id names the stored entry it edits; new rows have none yet.
} & ('id' extends keyof T ? { id: T['id'] | undefined } : unknown);
type PatchOf<P extends ProviderId> = Extract<AccountPatch, { provider: P }>;

export type ChatpushForm = Editable<PatchOf<'chatpush'>> & {
  /** The stored idempotency key is optional: this removes it (patch `null`). */
  clearIdempotencyKey: boolean;
};
export type GreenapiForm = Editable<PatchOf<'greenapi'>>;
export type Chat2deskForm = Editable<PatchOf<'chat2desk'>>;
export type ChattiForm = Editable<PatchOf<'chatti'>>;
export type AccountForm = ChatpushForm | GreenapiForm | Chat2deskForm | ChattiForm;
export type FormOf<P extends ProviderId> = Extract<AccountForm, { provider: P }>;

export type ClientTokenRow = ChatpushForm['clientTokens'][number];
export type InstanceRow = GreenapiForm['instances'][number];

let rowCounter = 0;
export const newRowKey = () => `row-${++rowCounter}`;

export const emptyInstanceRow = (): InstanceRow => ({
  rowKey: newRowKey(),
  id: undefined,
  label: '',
  idInstance: '',
  apiTokenInstance: '',
  ...GREENAPI_DEFAULT_HOSTS,
});

export const emptyClientTokenRow = (): ClientTokenRow => ({ rowKey: newRowKey(), id: undefined, label: '', token: '' });

/** A new account of one provider, with the documented defaults filled in. */
export function emptyForm(provider: ProviderId): AccountForm {
  switch (provider) {
    case 'chatpush':
      return {
        provider,
        name: '',
        brand: 'chategy',
        hosts: { ...CHATPUSH_BRAND_HOSTS.chategy },
        apiKey: '',
        clientTokens: [],
        wsOrigin: '',
        idempotencyKey: '',
        clearIdempotencyKey: false,
      };
    case 'greenapi':
      return { provider, name: '', instances: [emptyInstanceRow()] };
    case 'chat2desk':
      return { provider, name: '', baseUrl: CHAT2DESK_DEFAULT_BASE_URL, apiToken: '' };
    case 'chatti':
      // Chatti documents no base URL: the user's to fill.
      return { provider, name: '', baseUrl: '', probePath: CHATTI_DEFAULT_PROBE_PATH, apiKey: '' };
  }
}

/** A saved account, ready to edit: secrets start empty (the masks are shown beside them), rows keep their ids. */
export function formFromView(view: AccountView): AccountForm {
  switch (view.provider) {
    case 'chatpush':
      return {
        provider: view.provider,
        name: view.name,
        brand: view.brand,
        hosts: { ...view.hosts },
        apiKey: '',
        clientTokens: view.clientTokens.map((entry) => ({ rowKey: entry.id, id: entry.id, label: entry.label, token: '' })),
        wsOrigin: view.wsOrigin,
        idempotencyKey: '',
        clearIdempotencyKey: false,
      };
    case 'greenapi':
      return {
        provider: view.provider,
        name: view.name,
        instances: view.instances.map((entry) => ({ ...entry, rowKey: entry.id, apiTokenInstance: '' })),
      };
    case 'chat2desk':
      return { provider: view.provider, name: view.name, baseUrl: view.baseUrl, apiToken: '' };
    case 'chatti':
      return { provider: view.provider, name: view.name, baseUrl: view.baseUrl, probePath: view.probePath, apiKey: '' };
  }
}

/** '' means "not typed": on an update that keeps the stored secret, so it is left out. */
const typedOrKept = (secret: string) => (secret.trim() === '' ? undefined : secret);

/** For `accounts.update` and `accounts.testDraft`: untyped secrets are omitted and main keeps the stored ones. */
export function formToPatch(form: AccountForm): AccountPatch {
  switch (form.provider) {
    case 'chatpush': {
      const { clearIdempotencyKey, ...rest } = form;
      return {
        ...rest,
        apiKey: typedOrKept(form.apiKey),
        clientTokens: form.clientTokens.map(({ rowKey: _key, ...entry }) => ({ ...entry, token: typedOrKept(entry.token) })),
        idempotencyKey: clearIdempotencyKey ? null : typedOrKept(form.idempotencyKey),
      };
    }
    case 'greenapi':
      return {
        ...form,
        instances: form.instances.map(({ rowKey: _key, ...entry }) => ({
          ...entry,
          apiTokenInstance: typedOrKept(entry.apiTokenInstance),
        })),
      };
    case 'chat2desk':
      return { ...form, apiToken: typedOrKept(form.apiToken) };
    case 'chatti':
      return { ...form, apiKey: typedOrKept(form.apiKey) };
  }
}

/**
 * For `accounts.create`: every secret is sent as typed, blanks included, so main's validation names each
 * missing one next to its field. Only the optional idempotency key is left out when blank.
 */
export function formToDraft(form: AccountForm): AccountDraft {
  switch (form.provider) {
    case 'chatpush': {
      const { clearIdempotencyKey: _clear, ...rest } = form;
      return {
        ...rest,
        clientTokens: form.clientTokens.map((entry) => ({ label: entry.label, token: entry.token, id: undefined })),
        idempotencyKey: typedOrKept(form.idempotencyKey),
      };
    }
    case 'greenapi':
      return { ...form, instances: form.instances.map(({ rowKey: _key, ...entry }) => ({ ...entry, id: undefined })) };
    case 'chat2desk':
    case 'chatti':
      return { ...form };
  }
}
