import { create } from 'zustand';
import type { AppErrorShape } from '../../shared/errors';
import type { VaultStatus } from '../../shared/vault';
import { call } from '../bridge/client';
import { toAppError } from '../errors/to-app-error';

type VaultState = {
  status: VaultStatus | null;
  /** Why the status could not be read at all (e.g. the web-mode server is down). */
  loadError: AppErrorShape | null;
  load: () => Promise<void>;
  apply: (status: VaultStatus) => void;
  setUpPassphrase: (passphrase: string) => Promise<void>;
  unlock: (passphrase: string) => Promise<void>;
  startFresh: () => Promise<void>;
};

export const useVaultStore = create<VaultState>()((set) => ({
  status: null,
  loadError: null,
  load: async () => {
    try {
      set({ status: await call('vault.status', {}), loadError: null });
    } catch (error) {
      set({ loadError: toAppError(error) });
    }
  },
  apply: (status) => set({ status, loadError: null }),
  setUpPassphrase: async (passphrase) => set({ status: await call('vault.setUpPassphrase', { passphrase }) }),
  unlock: async (passphrase) => set({ status: await call('vault.unlock', { passphrase }) }),
  startFresh: async () => set({ status: await call('vault.startFresh', { confirm: true }) }),
}));
