import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callAction } from '../api.js';
import { formatDate } from '../i18n/format.js';
import { useLanguage } from '../i18n/index.js';

interface Note {
  id: string;
  title: string;
  body: string;
  link: string;
  created: string;
  read_at: string | null;
}

const POLL_MS = 60_000;

/** The header's bell: unread count, the latest notifications, mark one or all read (notification_*). */
export function NotificationBell() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ unread: number; items: Note[] }>({ unread: 0, items: [] });
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  const load = useCallback(() => {
    callAction<{ unread: number; items: Note[] }>('notification_list', { limit: 10 }).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(load, POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  // The pressed button disappears with the unread mark: keep focus in the widget, on the bell.
  const markRead = (input: { ids: string[] } | { all: true }) =>
    callAction('notification_read', input).then(
      () => {
        load();
        button.current?.focus();
      },
      (e: Error) => setError(e.message),
    );

  // Escape closes the open panel and returns focus to the bell.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  const label = data.unread ? t('notifications.labelUnread', { n: data.unread }) : t('notifications.label');
  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">🔔</span>
        {data.unread ? (
          <span className="bell-count" aria-hidden="true">
            {data.unread}
          </span>
        ) : null}
      </button>
      <section id={panelId} className="bell-panel" hidden={!open} aria-label={t('notifications.label')}>
        {error ? <p role="alert">{t('notifications.error', { message: error })}</p> : null}
        {data.items.length === 0 ? (
          <p>{t('notifications.none')}</p>
        ) : (
          <ul>
            {data.items.map((n) => (
              <li key={n.id} className={n.read_at ? 'read' : 'unread'}>
                <a href={n.link || '#'}>
                  {n.read_at ? null : (
                    <span className="visually-hidden">{t('notifications.unreadMark')}: </span>
                  )}
                  {n.title}
                </a>
                <p>{n.body}</p>
                <small>{formatDate(n.created, lang)}</small>
                {n.read_at ? null : (
                  <button type="button" onClick={() => markRead({ ids: [n.id] })}>
                    {t('notifications.markRead')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.unread ? (
          <button type="button" onClick={() => markRead({ all: true })}>
            {t('notifications.markAll')}
          </button>
        ) : null}
      </section>
    </div>
  );
}
