import { create } from 'zustand';

export type Notice = { id: number; text: string; tone: 'info' | 'error' };

type NoticeState = {
  notices: Notice[];
  announce: (text: string, tone?: Notice['tone']) => void;
  dismiss: (id: number) => void;
};

const INFO_LIFETIME_MS = 6000;
let nextId = 1;

/** Short messages about work finished in the background (saved, removed, a preference that did not stick). */
export const useNoticeStore = create<NoticeState>()((set, get) => ({
  notices: [],
  announce: (text, tone = 'info') => {
    const id = nextId++;
    set({ notices: [...get().notices, { id, text, tone }] });
    // Errors stay until dismissed: the user may need them to act.
    if (tone === 'info') setTimeout(() => get().dismiss(id), INFO_LIFETIME_MS);
  },
  dismiss: (id) => set({ notices: get().notices.filter((notice) => notice.id !== id) }),
}));
