import { useT } from '../i18n/use-t';
import { MAIN_REGION_ID } from './landmarks';

/** First stop for Tab. It moves focus itself: following `#main` would be read as a route by the hash router. */
export function SkipLink() {
  const t = useT();
  return (
    <a
      className="skip-link"
      href={`#${MAIN_REGION_ID}`}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(MAIN_REGION_ID)?.focus();
      }}
    >
      {t('shell.skipToContent')}
    </a>
  );
}
