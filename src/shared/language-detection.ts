import { detect } from 'tinyld';
import languages from 'iso-639-3/index.json';

const toIso3 = new Map(
  (languages as { iso6393: string; iso6391?: string }[]).filter((l) => l.iso6391).map((l) => [l.iso6391!, l.iso6393]),
);

/**
 * ISO 639-3 code of the text's language, detected by tinyld (which answers ISO 639-1);
 * "und" (undetermined) when it cannot tell.
 */
export function detectLanguage(text: string): string {
  const iso1 = detect(text.slice(0, 5000));
  return (iso1 && toIso3.get(iso1)) || 'und';
}
