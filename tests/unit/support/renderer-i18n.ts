// The desk's translations (English and Spanish) in an i18next instance of the test file's own,
// initialised before its tests run, English first.
import i18next from 'i18next';
import { beforeAll } from 'vitest';
import { en } from '../../../src-renderer/i18n/en.ts';
import { es } from '../../../src-renderer/i18n/es.ts';

export function testI18n() {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({
      resources: { en: { translation: en }, es: { translation: es } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });
  return i18n;
}
