import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { callAction } from '../../api.js';
import { formatDate, formatNumber } from '../../i18n/format.js';
import { useLanguage } from '../../i18n/index.js';
import { usePageTitle } from '../../layout/usePageTitle.js';
import { useSession } from '../../session.js';

interface Submission {
  id: string;
  dataset: string;
  state: 'submitted' | 'returned' | 'awaiting_pembina' | 'published';
  priority: boolean;
  filename: string;
  rows: number;
  updated: string;
  events: { comment: string }[];
}

type Lists = { awaiting: Submission[]; mine: Submission[] } | { error: string } | undefined;

/**
 * /ruang-kerja/antrian: the caller's review queue (review_list): what awaits their decision
 * (walidata/admins: submitted in their institution; pembina: priority data), and what they
 * submitted, in every state.
 */
export default function Queue() {
  const { t } = useTranslation();
  usePageTitle(t('queue.title'));
  const { user } = useSession();
  const [lists, setLists] = useState<Lists>(undefined);
  useEffect(() => {
    if (!user) return;
    Promise.all([
      callAction<Submission[]>('review_list', {}),
      callAction<Submission[]>('review_list', { mine: true }),
    ]).then(
      ([awaiting, mine]) => setLists({ awaiting, mine }),
      (e: Error) => setLists({ error: e.message }),
    );
  }, [user]);

  return (
    <div className="page">
      <h1>{t('queue.title')}</h1>
      {user === null ? (
        <p>
          <Link to="/masuk">{t('queue.signInFirst')}</Link>
        </p>
      ) : !lists ? (
        <p>{t('common.loading')}</p>
      ) : 'error' in lists ? (
        <p role="alert">{t('queue.error', { message: lists.error })}</p>
      ) : (
        <>
          <section aria-labelledby="queue-awaiting">
            <h2 id="queue-awaiting">{t('queue.awaiting')}</h2>
            <p className="hint">{t('queue.awaitingHint')}</p>
            <SubmissionTable rows={lists.awaiting} labelledBy="queue-awaiting" />
          </section>
          <section aria-labelledby="queue-mine">
            <h2 id="queue-mine">{t('queue.mine')}</h2>
            <SubmissionTable rows={lists.mine} labelledBy="queue-mine" />
          </section>
        </>
      )}
    </div>
  );
}

function SubmissionTable({ rows, labelledBy }: { rows: Submission[]; labelledBy: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params] = useSearchParams();
  const focus = params.get('pengajuan');
  if (!rows.length) return <p>{t('queue.empty')}</p>;
  return (
    <table className="queue" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('queue.dataset')}</th>
          <th scope="col">{t('queue.file')}</th>
          <th scope="col">{t('queue.rows')}</th>
          <th scope="col">{t('queue.state')}</th>
          <th scope="col">{t('queue.updated')}</th>
          <th scope="col">{t('queue.lastNote')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <tr key={s.id} id={`pengajuan-${s.id}`} aria-current={s.id === focus ? 'true' : undefined}>
            <th scope="row">
              <a href={`/dataset/${s.dataset}`}>{s.dataset}</a>
              {s.priority ? <span className="tag"> {t('queue.priority')}</span> : null}
            </th>
            <td>{s.filename}</td>
            <td>{formatNumber(s.rows, lang)}</td>
            <td>{t(`queue.states.${s.state}`)}</td>
            <td>{formatDate(s.updated, lang)}</td>
            <td>{s.events.at(-1)?.comment ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
