import { useT } from '../i18n/use-t';
import { useNoticeStore } from '../stores/notice-store';

/** Where background results are announced; polite for news, assertive (role=alert) for failures. */
export function NoticeArea() {
  const t = useT();
  const notices = useNoticeStore((state) => state.notices);
  const dismiss = useNoticeStore((state) => state.dismiss);
  return (
    <div className="notice-area" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" className="icon-button" aria-label={t('common.dismiss')} onClick={() => dismiss(notice.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </div>
  );
}
