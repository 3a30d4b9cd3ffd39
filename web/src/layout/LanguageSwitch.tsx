import { useTranslation } from 'react-i18next';
import { setLanguage, useLanguage } from '../i18n/index.js';
import { LANGUAGES, NATIVE_NAMES } from '../i18n/languages.js';

/** "ID | EN": two toggle buttons; the choice persists across visits. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('language.label')}</legend>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          aria-pressed={current === lang}
          onClick={() => void setLanguage(lang)}
        >
          {lang.toUpperCase()}
          <span className="visually-hidden" lang={lang}>
            {` — ${NATIVE_NAMES[lang]}`}
          </span>
        </button>
      ))}
    </fieldset>
  );
}
