import { useId } from 'react';
import { describeError } from '../../errors/describe-error';
import type { Translate } from '../../i18n/translate';
import { useT } from '../../i18n/use-t';
import { instanceName, otherIds } from './instance-name';
import { MAX_WALL_TILES, WALL_SKIP_REASONS, type WallSkip } from './wall-plan';

/** Names listed per reason; "select all" on a big fleet may leave thousands off the wall. */
const SHOWN_PER_REASON = 30;

const skipName = (skip: WallSkip, t: Translate) => (skip.instance ? instanceName(skip.instance, t) : t('authorize.id.instanceId', { value: skip.instanceId }));

/** What follows the name: the other ids of an instance found in its account's list, then the account. */
const skipDetails = (skip: WallSkip, name: string, t: Translate) =>
  [skip.instance ? otherIds(skip.instance, name, t) : '', skip.accountName].filter(Boolean).join(' · ');

/** Why a group was left off, in words; an unreadable account says what went wrong with it. */
function reasonText(skip: WallSkip, t: Translate): string {
  if (skip.reason === 'listFailed') return t('authorize.wall.skip.listFailed', { account: skip.accountName, reason: skip.error ? describeError(skip.error, t) : '' });
  if (skip.reason === 'wallFull') return t('authorize.wall.skip.wallFull', { max: MAX_WALL_TILES });
  return t(`authorize.wall.skip.${skip.reason}`);
}

/** The chosen instances that got no tile, grouped by the reason, so none is dropped without a word. */
export function WallSkipped({ skipped }: { skipped: readonly WallSkip[] }) {
  const t = useT();
  const headingId = useId();
  const groups = new Map<string, WallSkip[]>();
  for (const reason of WALL_SKIP_REASONS) {
    for (const skip of skipped) {
      if (skip.reason !== reason) continue;
      const text = reasonText(skip, t);
      groups.set(text, [...(groups.get(text) ?? []), skip]);
    }
  }
  return (
    <section className="qr-wall-skipped" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('authorize.wall.skipped', { count: skipped.length })}</h3>
      {[...groups].map(([text, group]) => (
        <div key={text} className="qr-skip-group">
          <p className="qr-skip-reason">{text}</p>
          <ul>
            {group.slice(0, SHOWN_PER_REASON).map((skip) => {
              const name = skipName(skip, t);
              return (
                <li key={skip.key}>
                  <span className="qr-skip-name">{name}</span> <span className="muted">· {skipDetails(skip, name, t)}</span>
                </li>
              );
            })}
          </ul>
          {group.length > SHOWN_PER_REASON && <p className="muted">{t('authorize.wall.skipMore', { count: group.length - SHOWN_PER_REASON })}</p>}
        </div>
      ))}
    </section>
  );
}
