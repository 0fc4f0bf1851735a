import { create } from 'zustand';
import type { AccountDraft, AccountPatch, AccountView, ConnectionTestResult } from '../../shared/accounts';
import type { CallOutput } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import { call } from '../bridge/client';
import { toAppError } from '../errors/to-app-error';

type DemoStatus = CallOutput<'demo.status'>;

type AccountsState = {
  accounts: AccountView[] | null;
  demo: DemoStatus | null;
  loadError: AppErrorShape | null;
  /** Reloads the list and the demo offer; called at start and on every `accounts.changed`. */
  load: () => Promise<void>;
  create: (draft: AccountDraft) => Promise<AccountView>;
  update: (id: string, patch: AccountPatch) => Promise<AccountView>;
  remove: (id: string) => Promise<void>;
  test: (id: string) => Promise<ConnectionTestResult>;
  createDemo: () => Promise<void>;
  dismissDemo: () => Promise<void>;
};

/**
 * Mutations reload the list themselves rather than waiting for the event, so the screen is right even if the
 * event is lost; the event still matters for changes made elsewhere (another window, the demo service).
 */
export const useAccountsStore = create<AccountsState>()((set) => {
  let loading: Promise<void> | null = null;
  let again = false;
  // Coalesces bursts (the demo adds four accounts, each announced): one reload in flight, at most one queued.
  const reload = (): Promise<void> => {
    if (loading) {
      again = true;
      return loading;
    }
    loading = (async () => {
      try {
        const [accounts, demo] = await Promise.all([call('accounts.list', {}), call('demo.status', {})]);
        set({ accounts, demo, loadError: null });
      } catch (error) {
        set({ loadError: toAppError(error) });
      } finally {
        loading = null;
        if (again) {
          again = false;
          void reload();
        }
      }
    })();
    return loading;
  };
  const afterChange = async <T>(result: T) => {
    await reload();
    return result;
  };

  return {
    accounts: null,
    demo: null,
    loadError: null,
    load: reload,
    create: async (draft) => afterChange(await call('accounts.create', { draft })),
    update: async (id, patch) => afterChange(await call('accounts.update', { id, patch })),
    remove: async (id) => {
      await call('accounts.remove', { id });
      await reload();
    },
    test: async (id) => afterChange(await call('accounts.test', { id })),
    createDemo: async () => {
      await call('demo.create', {});
      await reload();
    },
    dismissDemo: async () => {
      await call('demo.dismiss', {});
      await reload();
    },
  };
});

export const selectHasSandbox = (state: AccountsState) => state.accounts?.some((account) => account.sandbox) ?? false;
