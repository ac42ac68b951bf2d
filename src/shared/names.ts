/** Legal-form suffixes that do not distinguish one organisation from another. */
const LEGAL_FORMS = /\b(a\.?\s?s|s\.?\s?r\.?\s?o|o\.?\s?s|ood|eood|ead|ad|gmbh|ag|s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|ltd|l\.?\s?t\.?\s?d|llc|plc|sa|s\.?\s?a|d\.?\s?o\.?\s?o|kft|zrt|sp\.?\s?z\s?o\.?\s?o)\.?$/;

/**
 * Matching key for organisation names: lower case, no diacritics or punctuation, no trailing legal
 * form. Names in other scripts should be transliterated first.
 */
export function organisationNameKey(name: string): string {
  let key = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/["'“”„«»]/g, '')
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
  for (let previous = ''; previous !== key; ) {
    previous = key;
    key = key.replace(LEGAL_FORMS, '').replace(/[\s.,]+$/, '').trim();
  }
  return key.replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
}
