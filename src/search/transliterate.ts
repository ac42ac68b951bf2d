import { transliterate } from 'transliteration';

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Bulgaria's official Streamlined System (Transliteration Act 2009), which is how Bulgarian names
 * are spelled in Latin in EU documents: "клъстер" → "klaster", "щ" → "sht". The library's default
 * table is Russian-style ("ъ" dropped, "щ" → "shch"), right for the other Cyrillic languages.
 */
const BULGARIAN: [string, string][] = [
  ['ж', 'zh'], ['х', 'h'], ['ц', 'ts'], ['ч', 'ch'], ['ш', 'sh'], ['щ', 'sht'], ['ъ', 'a'],
  ['ь', 'y'], ['ю', 'yu'], ['я', 'ya'], ['й', 'y'],
];
const BULGARIAN_REPLACE: [string, string][] = [
  // The Act's one contextual rule: final "-ия" is "-ia" (България → Bulgaria).
  ['ия(?!\\p{L})', 'ia'],
  ['ИЯ(?!\\p{L})', 'IA'],
  ...BULGARIAN,
  ...BULGARIAN.map(([c, l]): [string, string] => [c.toUpperCase(), l[0].toUpperCase() + l.slice(1)]),
];
const BULGARIAN_REPLACE_RE: [RegExp, string][] = BULGARIAN_REPLACE.map(([from, to]) => [new RegExp(from, 'gu'), to]);

/** Cyrillic languages whose own romanisation the library's default table approximates. */
const RUSSIAN_STYLE = new Set(['rus', 'ukr', 'bel', 'srp', 'mkd']);

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Latin form of a text containing Cyrillic; Bulgarian rules unless the language says otherwise. */
export function cyrillicToLatin(text: string, language?: string): string {
  const replace = language && RUSSIAN_STYLE.has(language) ? [] : BULGARIAN_REPLACE_RE;
  return transliterate(text, { replace, unknown: '', trim: true });
}

/** Latin → Bulgarian Cyrillic, digraphs first; for short names and acronyms only, where it is cheap. */
const LATIN_TO_CYRILLIC: [string, string][] = [
  ['sht', 'щ'], ['zh', 'ж'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'],
  ['a', 'а'], ['b', 'б'], ['c', 'к'], ['d', 'д'], ['e', 'е'], ['f', 'ф'], ['g', 'г'], ['h', 'х'],
  ['i', 'и'], ['j', 'дж'], ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'],
  ['q', 'к'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['v', 'в'], ['w', 'в'], ['x', 'кс'],
  ['y', 'й'], ['z', 'з'],
];
const LATIN_TO_CYRILLIC_RE = new RegExp(LATIN_TO_CYRILLIC.map(([l]) => l).join('|'), 'g');
const LATIN_TO_CYRILLIC_MAP = new Map(LATIN_TO_CYRILLIC);

export function latinToCyrillic(text: string): string {
  // Strip diacritics first: "Ústí" → "usti".
  const plain = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return plain.replace(LATIN_TO_CYRILLIC_RE, (m) => LATIN_TO_CYRILLIC_MAP.get(m)!);
}

/**
 * The other-script forms of a record's texts for the `transliterated` attribute: Latin for every
 * Cyrillic text; Cyrillic for the Latin names given (acronyms, organisation names).
 */
export function transliterations(texts: { text: string; language?: string }[], latinNames: string[]): string[] {
  const out = new Set<string>();
  for (const { text, language } of texts) if (hasCyrillic(text)) out.add(cyrillicToLatin(text, language));
  for (const name of latinNames) if (LATIN.test(name) && !hasCyrillic(name)) out.add(latinToCyrillic(name));
  out.delete('');
  return [...out];
}
