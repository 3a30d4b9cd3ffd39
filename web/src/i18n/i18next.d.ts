import type { Catalog } from './id.js';

// Types `t()` keys against the Indonesian catalog: an unknown key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
    returnNull: false;
  }
}
