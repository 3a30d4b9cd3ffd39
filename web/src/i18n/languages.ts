/** The languages Kendali's interface speaks: Bahasa Indonesia first (the default), then English. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';

/** BCP 47 locale used by `Intl` for each interface language (en-GB writes "13 August 2019"). */
export const LOCALES: Readonly<Record<Language, string>> = { id: 'id-ID', en: 'en-GB' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** Maps any i18next language tag (e.g. `en-US`) to one of ours, defaulting to Indonesian. */
export const toLanguage = (tag: string | undefined): Language => {
  const base = tag?.toLowerCase().split('-')[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
};

/** Each language's name in itself: the same whichever language the interface is in. */
export const NATIVE_NAMES: Readonly<Record<Language, string>> = { id: 'Bahasa Indonesia', en: 'English' };
