import languages from 'iso-639-3/index.json';

const codes = new Set((languages as { iso6393: string }[]).map((l) => l.iso6393));

/** ISO 639-3, the codes Meilisearch's localizedAttributes use. */
export function isKnownLanguage(code: string): boolean {
  return codes.has(code);
}
