/**
 * i18next set-up: Bahasa Indonesia by default, English on request. The choice persists in
 * localStorage and is mirrored to `<html lang>` so assistive technology and hyphenation follow it.
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.js';
import { id } from './id.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language, toLanguage } from './languages.js';

export const STORAGE_KEY = 'kendali.lang';

const storedLanguage = (): Language => {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage blocked (privacy mode): fall back to the default
  }
};

const applyLanguage = (tag: string): void => {
  document.documentElement.lang = toLanguage(tag);
};

export function initI18n(): typeof i18n {
  i18n.on('languageChanged', applyLanguage);
  void i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false, // resources are bundled: initialise synchronously, before the first render
    returnNull: false,
  });
  applyLanguage(i18n.language);
  return i18n;
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // not persisted; the switch still applies to this page
  }
  await i18n.changeLanguage(lang);
}

/** The current interface language, re-rendering on change. */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return toLanguage(instance.resolvedLanguage ?? instance.language);
}
