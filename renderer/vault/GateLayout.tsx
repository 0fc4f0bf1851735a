import type { ReactNode } from 'react';
import { MAIN_REGION_ID } from '../components/landmarks';
import { PreferenceSwitchers } from '../components/PreferenceSwitchers';
import { SkipLink } from '../components/SkipLink';

/** The frame of the vault screens: language and theme are already reachable before anything is unlocked. */
export function GateLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <p className="app-name">Switchboard</p>
        <PreferenceSwitchers />
      </header>
      <main id={MAIN_REGION_ID} className="gate" tabIndex={-1} aria-labelledby="gate-title">
        <div className="gate-panel">
          <h1 id="gate-title">{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}
