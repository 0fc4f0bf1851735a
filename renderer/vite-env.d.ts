/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** '1' only in `--mode web` builds (renderer/.env.web): the loopback web bridge replaces the preload. */
  readonly VITE_WEB_BRIDGE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
