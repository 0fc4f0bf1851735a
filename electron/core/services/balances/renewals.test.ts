import { describe, expect, it } from 'vitest';
import type { InstanceRow } from '../../../../shared/fleet';
import { renewalCost, renewalsWithin } from './renewals';

const row = (paidUntil: string | null, cost: string | null, autoRenew: boolean | null = true) =>
  ({ paidUntil, cost, autoRenew }) as InstanceRow;

describe('renewals within a window', () => {
  it('counts a subscription due inside the window once, and not one due after it', () => {
    expect(renewalsWithin('2025-03-05', '2025-03-01', 7)).toBe(1);
    expect(renewalsWithin('2025-03-07', '2025-03-01', 7)).toBe(1); // renews on the 8th: still within 7 days
    expect(renewalsWithin('2025-03-08', '2025-03-01', 7)).toBe(0);
    expect(renewalsWithin('2025-03-31', '2025-03-01', 30)).toBe(0);
  });

  it('counts a lapsed auto-renewing subscription as due now, then monthly from today', () => {
    expect(renewalsWithin('2025-02-20', '2025-03-01', 7)).toBe(1);
    expect(renewalsWithin('2025-02-20', '2025-03-01', 40)).toBe(2);
  });

  it('counts two renewals in 30 days across a short month', () => {
    // Paid until Feb 1: renews Feb 1 → Mar 1 (clamped month), both before Mar 3.
    expect(renewalsWithin('2025-02-01', '2025-02-01', 30)).toBe(2);
  });

  it('sums cost × renewals over a fleet in decimal strings, skipping what does not auto-renew or has no price', () => {
    const today = '2025-03-01';
    const fleet = [
      row('2025-03-02', '600.00'),
      row('2025-03-03', '0.10'),
      row('2025-03-03', '0.20'),
      row('2025-02-01', '19.99'), // lapsed: due now
      row('2025-03-04', '100.00', false),
      row('2025-03-04', null),
      row(null, '50.00'),
      row('2025-05-01', '1999.00'),
    ];
    expect(renewalCost(fleet, today, 7)).toEqual({ renewals: 4, cost: '620.29' });
    expect(renewalCost(fleet, today, 30)).toEqual({ renewals: 4, cost: '620.29' });
    // 600×2 + 0.10×2 + 0.20×2 + 19.99×3 + 1999×1
    expect(renewalCost(fleet, today, 62)).toEqual({ renewals: 10, cost: '3259.57' });
  });

  it('ten thousand dimes due tomorrow cost exactly 1000.00', () => {
    const fleet = Array.from({ length: 10_000 }, () => row('2025-03-02', '0.10'));
    expect(renewalCost(fleet, '2025-03-01', 7)).toEqual({ renewals: 10_000, cost: '1000.00' });
  });
});
