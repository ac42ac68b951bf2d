import { badInput } from '../../graphql/errors';
import type { LocalizedValue } from '../../graphql/values';
import { isKnownCountry } from '../country/country.codes';
import { isKnownLanguage } from '../../shared/languages';

/**
 * Input validation for writes. Text is stored as plain text exactly as sent (trimmed); anything that
 * looks like markup — `<` followed by a letter, `/`, `!` or `?` — is refused with BAD_USER_INPUT
 * naming the field, rather than stored escaped or silently stripped. Control characters other
 * than tab and newline are refused too.
 */
const MARKUP = /<[A-Za-z/!?]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/;

export const LIMITS = {
  title: 300,
  description: 10_000,
  reason: 2000,
  url: 2000,
  licence: 100,
  name: 200,
  label: 200,
  documentText: 1_000_000,
  localizedEntries: 20,
  languages: 30,
  producers: 50,
  themes: 30,
  idempotencyKey: 200,
  clientMutationId: 200,
} as const;

export function text(field: string, value: string, max: number, min = 1): string {
  const trimmed = value.trim();
  if (trimmed.length < min) throw badInput(field, min === 1 ? 'must not be empty' : `must be at least ${min} characters`);
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  if (CONTROL.test(trimmed)) throw badInput(field, 'must not contain control characters');
  if (MARKUP.test(trimmed)) throw badInput(field, 'must be plain text: HTML tags and scripts are not accepted');
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  return value.trim() === '' ? undefined : text(field, value, max);
}

export function language(field: string, value: string): string {
  if (!/^[a-z]{3}$/.test(value) || !isKnownLanguage(value)) throw badInput(field, `"${value.slice(0, 20)}" is not an ISO 639-3 language code`);
  return value;
}

export function country(field: string, value: string): string {
  if (!isKnownCountry(value)) throw badInput(field, `"${value.slice(0, 20)}" is not an ISO 3166-1 alpha-2 country code`);
  return value;
}

/** http and https only; no credentials in the URL. */
export function url(field: string, value: string): string {
  const trimmed = text(field, value, LIMITS.url);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw badInput(field, 'must be an absolute http(s) URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw badInput(field, 'only http and https URLs are accepted');
  if (parsed.username || parsed.password) throw badInput(field, 'must not contain credentials');
  if (/\s/.test(trimmed)) throw badInput(field, 'must not contain spaces');
  return trimmed;
}

/** An ISO date between 1950-01-01 and ten years from now. */
export function date(field: string, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const parsed = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!match || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badInput(field, 'must be a date as YYYY-MM-DD');
  }
  const maxYear = new Date().getUTCFullYear() + 10;
  if (Number(match[1]) < 1950 || Number(match[1]) > maxYear) throw badInput(field, `must be between 1950 and ${maxYear}`);
  return value;
}

export interface LocalizedInput {
  language: string;
  text: string;
}

/** One text per language, each validated; at least `min` entries. */
export function localized(field: string, values: LocalizedInput[] | null | undefined, max: number, min = 0): LocalizedValue[] {
  const list = values ?? [];
  if (list.length < min) throw badInput(field, 'must have at least one text');
  if (list.length > LIMITS.localizedEntries) throw badInput(field, `at most ${LIMITS.localizedEntries} languages`);
  const seen = new Set<string>();
  return list.map((v, i) => {
    const lang = language(`${field}[${i}].language`, v.language);
    if (seen.has(lang)) throw badInput(`${field}[${i}].language`, `"${lang}" is given twice`);
    seen.add(lang);
    return { language: lang, text: text(`${field}[${i}].text`, v.text, max) };
  });
}

export function languages(field: string, values: string[] | null | undefined): string[] {
  const list = values ?? [];
  if (list.length > LIMITS.languages) throw badInput(field, `at most ${LIMITS.languages} languages`);
  return [...new Set(list.map((v, i) => language(`${field}[${i}]`, v)))];
}

export function licence(field: string, value: string | null | undefined): string | undefined {
  const v = optionalText(field, value, LIMITS.licence);
  if (v !== undefined && !/^[A-Za-z0-9.+\- ()]+$/.test(v)) throw badInput(field, 'must be a licence identifier such as "CC-BY-4.0"');
  return v;
}

/** Idempotency keys and client mutation ids: printable ASCII, bounded. */
export function token(field: string, value: string | null | undefined, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!/^[\x21-\x7E]+$/.test(value) || value.length > max) throw badInput(field, `must be 1..${max} printable ASCII characters`);
  return value;
}
