import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';

/** The current time, re-read every second while mounted (the countdown's only timer). */
export function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export const secondsLeft = (expiresAt: number, now: number) => Math.max(0, Math.ceil((expiresAt - now) / 1000));

/** "0:27" */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

type CountdownProps = { expiresAt: number; lifetimeMs: number; label: string; now: number };

/** Time left as text and a bar. A timer role is not announced on every tick; the label says what runs out. */
export function Countdown({ expiresAt, lifetimeMs, label, now }: CountdownProps) {
  const t = useT();
  const total = Math.max(1, Math.round(lifetimeMs / 1000));
  // Never more than the documented life: main's clock and this one may differ by a rounding.
  const left = Math.min(secondsLeft(expiresAt, now), total);
  return (
    <div className={`countdown${left <= 5 ? ' countdown-low' : ''}`} role="timer" aria-label={label}>
      <span className="countdown-text">{t('authorize.countdown', { time: clock(left) })}</span>
      <progress className="countdown-bar" max={total} value={left} aria-hidden="true" />
    </div>
  );
}
