import { createHash } from 'node:crypto';
import type { LocalizedValue } from '../graphql/values';
import { detectLanguage } from '../shared/language-detection';
import { claimKind, Mapping, RecordSpec, ValueSpec } from './mapping';
import { FieldKind, FieldSpec, RECORD_TYPES, RecordType, TARGETS } from './targets';
import {
  Cell,
  parseCountry,
  parseDate,
  parseEnum,
  parseInteger,
  parseJson,
  parseLanguage,
  parseList,
  parseNumber,
  ValueError,
} from './values';

/** One data row; `row` counts from 1 after the header. */
export interface SourceRow {
  row: number;
  values: Record<string, Cell>;
}

export interface Reject {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface MappedRecord {
  type: RecordType;
  externalId?: string;
  /** Parsed values of entity fields (ref fields excluded). */
  fields: Record<string, unknown>;
  /** Ref field → the referenced record's external id (or programme code); absent = this row's record. */
  refs: Partial<Record<string, string>>;
  /** Values kept only as claims. */
  extra: Record<string, unknown>;
  /** Field → source column, for reject reports. */
  columns: Record<string, string>;
}

export interface MappedRow {
  row: number;
  records: MappedRecord[];
}

/** external_id.external_id is varchar(300): longer composite ids are stored as their hash. */
const MAX_EXTERNAL_ID = 300;

export class RowMapper {
  private readonly order: RecordType[];

  constructor(private readonly mapping: Mapping) {
    this.order = RECORD_TYPES.filter((t) => mapping.records[t]);
  }

  map(source: SourceRow): MappedRow | Reject {
    const records: MappedRecord[] = [];
    for (const type of this.order) {
      const result = this.mapRecord(type, this.mapping.records[type]!, source);
      if ('reason' in result) return result;
      records.push(result);
    }
    return { row: source.row, records };
  }

  private mapRecord(type: RecordType, spec: RecordSpec, source: SourceRow): MappedRecord | Reject {
    const record: MappedRecord = { type, fields: {}, refs: {}, extra: {}, columns: {} };
    const fail = (field: string, value: ValueSpec, raw: Cell, reason: string): Reject => ({
      row: source.row,
      column: value.column ?? value.template ?? field,
      value: display(raw),
      reason: `${type}.${field}: ${reason}`,
    });
    if (spec.id) {
      const id = this.raw(spec.id, source);
      if (isEmpty(id)) return fail('id', spec.id, id, 'missing identifier');
      const text = String(id).trim();
      record.externalId = text.length > MAX_EXTERNAL_ID ? `sha256:${createHash('sha256').update(text).digest('hex')}` : text;
    }
    const targets = TARGETS[type];
    for (const [field, target] of Object.entries(targets)) {
      const value = spec.fields[field];
      const own = target.kind === 'ref' && this.mapping.records[target.ref!] !== undefined;
      if (!value) {
        if (target.required && !own) return fail(field, { column: field }, undefined, 'not mapped');
        continue;
      }
      const raw = this.raw(value, source);
      if (isEmpty(raw)) {
        if ((target.required || value.required) && !own) return fail(field, value, raw, 'required');
        continue;
      }
      try {
        if (target.kind === 'ref') record.refs[field] = String(raw).trim();
        else record.fields[field] = this.parse(target, value, raw);
        if (value.column) record.columns[field] = value.column;
      } catch (error) {
        if (error instanceof ValueError) return fail(field, value, raw, error.message);
        throw error;
      }
    }
    for (const [field, value] of Object.entries(spec.claims)) {
      const raw = this.raw(value, source);
      if (isEmpty(raw)) continue;
      try {
        record.extra[field] = this.parse({ kind: claimKind(value) }, value, raw);
        if (value.column) record.columns[field] = value.column;
      } catch (error) {
        if (error instanceof ValueError) return fail(field, value, raw, error.message);
        throw error;
      }
    }
    return record;
  }

  /** The source value after template, map, case and default. */
  private raw(spec: ValueSpec, source: SourceRow): Cell {
    let raw: Cell =
      spec.value !== undefined
        ? (spec.value as Cell)
        : spec.template !== undefined
          ? spec.template.replace(/\{([^}]+)\}/g, (_, column: string) => display(cell(source.values, column)).trim())
          : cell(source.values, spec.column!);
    if (typeof raw === 'string') raw = raw.trim();
    if (spec.map && !isEmpty(raw)) raw = lookup(spec.map, String(raw)) as Cell;
    if (spec.case && typeof raw === 'string') raw = spec.case === 'lower' ? raw.toLowerCase() : raw.toUpperCase();
    return isEmpty(raw) && spec.default !== undefined ? (spec.default as Cell) : raw;
  }

  private parse(target: FieldSpec, spec: ValueSpec, raw: Cell): unknown {
    const numbers = { decimal: spec.decimal ?? this.mapping.decimal, thousands: spec.thousands ?? this.mapping.thousands };
    const parsers: Record<Exclude<FieldKind, 'ref'>, () => unknown> = {
      string: () => {
        const text = display(raw).trim();
        if (target.max && text.length > target.max) throw new ValueError(`longer than ${target.max} characters`);
        return text;
      },
      integer: () => parseInteger(raw, numbers),
      number: () => parseNumber(raw, numbers),
      date: () => parseDate(raw, spec.format ?? this.mapping.dateFormat),
      country: () => parseCountry(raw, spec.languages),
      language: () => parseLanguage(raw),
      enum: () => parseEnum(raw, target.values!),
      list: () => parseList(raw, spec.separator),
      money: () => parseMoney(raw, spec.currency, numbers),
      localized: () => parseLocalized(raw, spec.language),
    };
    return parsers[target.kind as Exclude<FieldKind, 'ref'>]();
  }
}

function parseMoney(raw: Cell, currency: string | undefined, numbers: { decimal?: string; thousands?: string }) {
  const isMoney = (v: unknown) => typeof v === 'object' && v !== null && 'amount' in v;
  const value = typeof raw === 'string' && raw.startsWith('{') ? parseJson<object>(raw, isMoney) : raw;
  if (isMoney(value)) {
    const money = value as { amount: Cell; currency?: string };
    return { amount: parseNumber(money.amount, numbers), currency: money.currency ?? currency ?? 'EUR' };
  }
  return { amount: parseNumber(raw, numbers), currency: currency ?? 'EUR' };
}

/** A text in one language, or (JSON sources, exports) a list of { language, text }. */
function parseLocalized(raw: Cell, language = 'detect'): LocalizedValue[] {
  const isList = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x?.language === 'string' && typeof x?.text === 'string');
  const value = typeof raw === 'string' && raw.startsWith('[') ? parseJson<unknown>(raw, isList) : raw;
  if (isList(value)) {
    return (value as LocalizedValue[]).map((v) => ({ language: parseLanguage(v.language), text: v.text, ...(v.translation !== undefined ? { translation: !!v.translation } : {}) }));
  }
  const text = display(raw).trim();
  return [{ language: language === 'detect' ? detectLanguage(text) : parseLanguage(language), text }];
}

function cell(values: Record<string, Cell>, column: string): Cell {
  if (column in values) return values[column];
  let current: Cell = values;
  for (const part of column.split('.')) current = current && typeof current === 'object' ? (current as Record<string, Cell>)[part] : undefined;
  return current;
}

function lookup(map: Record<string, unknown>, value: string): unknown {
  if (value in map) return map[value];
  const lower = value.toLowerCase();
  const key = Object.keys(map).find((k) => k.toLowerCase() === lower);
  return key === undefined ? value : map[key];
}

function isEmpty(value: Cell): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && !value.length);
}

export function display(value: Cell): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
