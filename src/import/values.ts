import countries from 'i18n-iso-countries';
import { isKnownCountry } from '../modules/country/country.codes';
import { isKnownLanguage } from '../shared/languages';

/** A cell as a reader delivers it: text from CSV, typed values from JSON and XLSX. */
export type Cell = string | number | boolean | null | undefined | object;

/** Thrown by a parser; the row is rejected with this reason. */
export class ValueError extends Error {}

export interface NumberFormat {
  /** "," or "."; auto-detected from the value when absent. */
  decimal?: string;
  /** Grouping separator to drop; spaces and apostrophes are always dropped. */
  thousands?: string;
}

/** "1 234 567,89", "1.234.567,89", "1234567.89", "4.7E7" and JSON numbers. */
export function parseNumber(value: Cell, format: NumberFormat = {}): number {
  if (typeof value === 'number') return value;
  let text = String(value).replace(/[\s\u00a0\u202f'’]/g, '');
  if (format.thousands) text = text.split(format.thousands).join('');
  const decimal = format.decimal ?? guessDecimal(text);
  const other = decimal === ',' ? '.' : ',';
  text = text.split(other).join('').replace(decimal, '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new ValueError('not a number');
  return Number(text);
}

/** With both separators the last one is the decimal mark; a lone comma is a decimal comma. */
function guessDecimal(text: string): string {
  const comma = text.lastIndexOf(',');
  const dot = text.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) return comma > dot ? ',' : '.';
  if (dot >= 0 && text.indexOf('.') !== dot) return ','; // "1.234.567": dots group thousands
  return comma >= 0 ? ',' : '.';
}

export function parseInteger(value: Cell, format?: NumberFormat): number {
  const n = parseNumber(value, format);
  if (!Number.isSafeInteger(n)) throw new ValueError('not a whole number');
  return n;
}

const DATE_TOKENS: Record<string, string> = { YYYY: '(\\d{4})', MM: '(\\d{2})', DD: '(\\d{2})', M: '(\\d{1,2})', D: '(\\d{1,2})' };

/**
 * ISO date (YYYY-MM-DD). Accepts ISO dates and timestamps, and `format` patterns such as
 * "DD.MM.YYYY" or "M/D/YYYY".
 */
export function parseDate(value: Cell, format?: string): string {
  const text = value instanceof Date ? value.toISOString() : String(value).trim();
  let y: string, m: string, d: string;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) [, y, m, d] = iso;
  else if (format) {
    const order: string[] = [];
    const pattern = format.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/YYYY|MM|DD|M|D/g, (token) => {
      order.push(token[0]);
      return DATE_TOKENS[token];
    });
    const match = new RegExp(`^${pattern}$`).exec(text);
    if (!match) throw new ValueError(`not a date in the format ${format}`);
    const parts = Object.fromEntries(order.map((t, i) => [t, match[i + 1]]));
    [y, m, d] = [parts.Y, parts.M, parts.D];
  } else throw new ValueError('not an ISO date (YYYY-MM-DD)');
  const date = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new ValueError('not a calendar date');
  return date;
}

/** Codes some sources use instead of ISO 3166-1 (CORDIS, Eurostat). */
const COUNTRY_ALIASES: Record<string, string> = { EL: 'GR', UK: 'GB' };

/** ISO 3166-1 alpha-2 from a code (alpha-2/alpha-3) or a country name in one of `languages`. */
export function parseCountry(value: Cell, languages: string[] = ['en']): string {
  const text = String(value).trim();
  const upper = text.toUpperCase();
  const code = COUNTRY_ALIASES[upper] ?? (upper.length === 3 ? countries.alpha3ToAlpha2(upper) : upper);
  if (code && isKnownCountry(code)) return code;
  for (const language of languages) {
    const byName = countries.getAlpha2Code(text, language);
    if (byName) return byName;
  }
  throw new ValueError('unknown country');
}

export function parseLanguage(value: Cell): string {
  const code = String(value).trim().toLowerCase();
  if (!isKnownLanguage(code)) throw new ValueError('not an ISO 639-3 language code');
  return code;
}

/** "lead partner" / "Lead-Partner" → LEAD_PARTNER, checked against the enum's values. */
export function parseEnum(value: Cell, values: string[]): string {
  const key = String(value)
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
  if (!values.includes(key)) throw new ValueError(`not one of ${values.join(', ')}`);
  return key;
}

/** JSON arrays (from JSON sources or JSON text in a cell) or a separated list. */
export function parseList(value: Cell, separator?: string): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean);
  const text = String(value).trim();
  if (text.startsWith('[')) return parseJson<unknown[]>(text, Array.isArray).map(String);
  return (separator ? text.split(separator) : [text]).map((s) => s.trim()).filter(Boolean);
}

export function parseJson<T>(text: string, check: (v: unknown) => boolean): T {
  try {
    const parsed: unknown = JSON.parse(text);
    if (check(parsed)) return parsed as T;
  } catch {
    // reported below
  }
  throw new ValueError('not valid JSON of the expected shape');
}
