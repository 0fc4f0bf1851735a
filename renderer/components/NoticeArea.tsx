import { createPortal } from 'react-dom';
import { useT } from '../i18n/use-t';
import { useNoticeStore } from '../stores/notice-store';

/**
 * Where background results are announced; polite for news, assertive (role=alert) for failures. Rendered
 * outside #root so an open dialog (which makes #root inert) does not silence it.
 */
export function NoticeArea() {
  const t = useT();
  const notices = useNoticeStore((state) => state.notices);
  const dismiss = useNoticeStore((state) => state.dismiss);
  return createPortal(
    <div className="notice-area" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismiss(notice.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}
