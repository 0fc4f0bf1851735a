import type { ReactNode } from 'react';
import {
  SubscriptionStatusSchema,
  TelegramStateSchema,
  WhatsappStateSchema,
  type FleetColumn,
  type InstanceRow,
} from '../../../shared/fleet';
import { ProviderIdSchema } from '../../../shared/providers';
import type { MessageKey } from '../../i18n/catalog';
import { providerName } from '../../i18n/provider-names';
import type { Translate } from '../../i18n/translate';
import { describeError } from '../../errors/describe-error';

/** Widths (px) until the user drags a column edge. */
export const DEFAULT_WIDTHS: Record<FleetColumn, number> = {
  provider: 150,
  account: 170,
  instanceId: 120,
  externalId: 120,
  label: 150,
  phone: 140,
  whatsapp: 150,
  telegram: 160,
  queue: 90,
  subscription: 120,
  paidUntil: 120,
  daysLeft: 100,
  autoRenew: 110,
  cost: 100,
};
export const SELECT_COLUMN_WIDTH = 44;

export const columnTitle = (column: FleetColumn, t: Translate) => t(`fleet.column.${column}`);

/** A state in words, with a tone so it is never told by colour alone (the word carries the meaning). */
type Tone = 'ok' | 'warning' | 'failed' | 'neutral';
const WHATSAPP_TONE: Record<NonNullable<InstanceRow['whatsapp']>, Tone> = {
  authorized: 'ok',
  notAuthorized: 'failed',
  blocked: 'failed',
  yellowCard: 'warning',
  sleepMode: 'warning',
  starting: 'warning',
  creating: 'neutral',
  unknown: 'neutral',
};
const SUBSCRIPTION_TONE: Record<NonNullable<InstanceRow['subscription']>, Tone> = { active: 'ok', inactive: 'failed', expired: 'failed', unknown: 'neutral' };

function StateBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`state state-${tone}`}>{children}</span>;
}

export interface CellFormat {
  t: Translate;
  money: (amount: string) => string;
  day: (isoDay: string) => string;
}

/** What one cell shows; an em dash where the provider reports nothing. */
export function cellContent(column: FleetColumn, row: InstanceRow, { t, money, day }: CellFormat): ReactNode {
  const none = <span className="muted">{t('common.none')}</span>;
  const word = (key: string) => t(key as MessageKey);
  switch (column) {
    case 'provider':
      return providerName(row.provider);
    case 'account':
      return row.accountName;
    case 'instanceId':
      return (
        <>
          <span className="mono">{row.instanceId}</span>
          {row.error && (
            <span className="row-error" title={describeError(row.error, t)}>
              <span aria-hidden="true"> ⚠</span>
              <span className="visually-hidden">{t('instances.rowError', { reason: describeError(row.error, t) })}</span>
            </span>
          )}
        </>
      );
    case 'externalId':
      return row.externalId ? <span className="mono">{row.externalId}</span> : none;
    case 'label':
      return row.label ?? none;
    case 'phone':
      return row.phone ? <span className="mono">{row.phone}</span> : none;
    case 'whatsapp':
      return row.whatsapp ? <StateBadge tone={WHATSAPP_TONE[row.whatsapp]}>{word(`fleet.whatsapp.${row.whatsapp}`)}</StateBadge> : none;
    case 'telegram':
      return row.telegram ? (
        <StateBadge tone={row.telegram === 'authorized' ? 'ok' : 'neutral'}>{word(`fleet.telegram.${row.telegram}`)}</StateBadge>
      ) : (
        none
      );
    case 'queue':
      if (row.queueSize === null) return none;
      return row.queueLimit === null ? String(row.queueSize) : `${row.queueSize} / ${row.queueLimit}`;
    case 'subscription':
      return row.subscription ? (
        <StateBadge tone={SUBSCRIPTION_TONE[row.subscription]}>{word(`fleet.subscription.${row.subscription}`)}</StateBadge>
      ) : (
        none
      );
    case 'paidUntil':
      return row.paidUntil ? day(row.paidUntil) : none;
    case 'daysLeft':
      if (row.daysLeft === null) return none;
      return (
        <span className={row.daysLeft < 0 ? 'days days-lapsed' : row.daysLeft <= 7 ? 'days days-soon' : 'days'}>
          {row.daysLeft < 0 ? t('instances.lapsedDays', { count: -row.daysLeft }) : t('instances.daysLeftValue', { count: row.daysLeft })}
        </span>
      );
    case 'autoRenew':
      return row.autoRenew === null ? none : word(`fleet.autoRenew.${row.autoRenew}`);
    case 'cost':
      return row.cost === null ? none : <span className="number">{money(row.cost)}</span>;
  }
}

/** The words main needs to write state values into a CSV in the user's language. */
export function csvLabels(t: Translate): Record<string, string> {
  const keys = [
    ...WhatsappStateSchema.options.map((state) => `whatsapp.${state}`),
    ...TelegramStateSchema.options.map((state) => `telegram.${state}`),
    ...SubscriptionStatusSchema.options.map((state) => `subscription.${state}`),
    'autoRenew.true',
    'autoRenew.false',
  ];
  const labels: Record<string, string> = Object.fromEntries(keys.map((key) => [key, t(`fleet.${key}` as MessageKey)]));
  for (const provider of ProviderIdSchema.options) labels[`provider.${provider}`] = providerName(provider);
  return labels;
}
