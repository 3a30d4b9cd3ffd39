import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../layout/usePageTitle.js';

/** /humas: the three Humas pages (news, the joint agenda, media monitoring). Its own chunk. */
export default function Humas() {
  const { t } = useTranslation();
  usePageTitle(t('humas.title'));
  const sections = [
    { to: '/humas/berita', title: t('humasNews.title'), text: t('humas.newsText') },
    { to: '/humas/agenda', title: t('humasAgenda.title'), text: t('humas.agendaText') },
    { to: '/humas/media', title: t('humasMedia.title'), text: t('humas.mediaText') },
  ];
  return (
    <div className="page">
      <h1>{t('humas.title')}</h1>
      <p>{t('humas.intro')}</p>
      <ul className="humas-hub">
        {sections.map((s) => (
          <li key={s.to}>
            <h2>
              <Link to={s.to}>{s.title}</Link>
            </h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
