import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { FieldKind, RECORD_TYPES, RecordType, TARGETS } from './targets';

/** Where the built-in mappings live; `--mapping cordis-project` finds mappings/cordis-project.yaml. */
export const MAPPINGS_DIR = path.resolve(__dirname, '..', '..', 'mappings');

const valueSpec = z
  .object({
    /** Source column (a dotted path for nested JSON). */
    column: z.string().optional(),
    /** Text with {Column} placeholders, e.g. "cordis-{frameworkProgramme}". */
    template: z.string().optional(),
    /** A constant. */
    value: z.unknown().optional(),
    /** Used when the source value is empty. */
    default: z.unknown().optional(),
    /** Source value → target value (exact match first, then case-insensitive). */
    map: z.record(z.string(), z.unknown()).optional(),
    case: z.enum(['lower', 'upper']).optional(),
    /** Date pattern, e.g. "DD.MM.YYYY" (ISO dates are always accepted). */
    format: z.string().optional(),
    decimal: z.enum([',', '.']).optional(),
    thousands: z.string().optional(),
    /** Splits a cell into a list. */
    separator: z.string().optional(),
    /** Localized text: ISO 639-3 code, or "detect". */
    language: z.string().optional(),
    /** Country names: languages to read them in (i18n-iso-countries locales). */
    languages: z.array(z.string()).optional(),
    /** Money: ISO 4217 code. */
    currency: z.string().length(3).optional(),
    /** Only for `claims`: how to parse the value. */
    kind: z.enum(['string', 'integer', 'number', 'date', 'country', 'list']).optional(),
    required: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.column !== undefined || v.template !== undefined || v.value !== undefined, {
    message: 'needs column, template or value',
  });

export type ValueSpec = z.infer<typeof valueSpec>;

/** A bare string is a column name. */
const valueOrColumn = z.union([z.string().transform((column): ValueSpec => ({ column })), valueSpec]);

const recordSpec = z
  .object({
    /** The record's identifier in the source; matched through external_id. */
    id: valueOrColumn.optional(),
    fields: z.record(z.string(), valueOrColumn),
    /** Values kept only as claims (no column for them), e.g. Kohesio's budget aggregates. */
    claims: z.record(z.string(), valueOrColumn).default({}),
  })
  .strict();

export type RecordSpec = z.infer<typeof recordSpec>;

const mappingSchema = z
  .object({
    name: z.string().min(1),
    description: z.string().optional(),
    /** external_id.source of the ids this mapping reads, e.g. "cordis". */
    source: z.string().min(1).max(80),
    format: z.enum(['csv', 'tsv', 'json', 'ndjson', 'xlsx']).optional(),
    delimiter: z.string().optional(),
    /** false for sources (like TSV exports) where a quote is ordinary text. */
    quote: z.union([z.string().length(1), z.literal(false)]).default('"'),
    /** utf-8, windows-1250, windows-1251…; detected when absent. */
    encoding: z.string().optional(),
    /** Mapping-wide defaults for numbers and dates; a field may override them. */
    decimal: z.enum([',', '.']).optional(),
    thousands: z.string().optional(),
    dateFormat: z.string().optional(),
    records: z.partialRecord(z.enum(RECORD_TYPES), recordSpec),
  })
  .strict();

export type Mapping = z.infer<typeof mappingSchema>;

export class MappingError extends Error {}

export function parseMapping(raw: unknown, origin: string): Mapping {
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new MappingError(`${origin}: ${problems}`);
  }
  const mapping = parsed.data;
  for (const [type, spec] of Object.entries(mapping.records) as [RecordType, RecordSpec][]) {
    for (const field of Object.keys(spec.fields)) {
      if (!TARGETS[type][field]) throw new MappingError(`${origin}: ${type}.${field} is not a field (${Object.keys(TARGETS[type]).join(', ')})`);
    }
  }
  if (!Object.keys(mapping.records).length) throw new MappingError(`${origin}: maps no records`);
  return mapping;
}

/** A mapping file path, or the name of a built-in mapping. */
export function loadMapping(nameOrPath: string): Mapping {
  const candidates = [nameOrPath, ...['.yaml', '.yml', '.json'].map((ext) => path.join(MAPPINGS_DIR, nameOrPath + ext))];
  const file = candidates.find((f) => existsSync(f) && !f.endsWith(path.sep));
  if (!file) throw new MappingError(`no mapping file or built-in mapping named "${nameOrPath}" (see ${MAPPINGS_DIR})`);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    throw new MappingError(`${file}: ${(error as Error).message}`);
  }
  return parseMapping(raw, file);
}

/** Every column a mapping reads, to check a file's header before importing anything. */
export function columnsOf(mapping: Mapping): string[] {
  const columns = new Set<string>();
  const add = (spec: ValueSpec | undefined) => {
    if (spec?.column) columns.add(spec.column.split('.')[0]);
    for (const m of spec?.template?.matchAll(/\{([^}]+)\}/g) ?? []) columns.add(m[1].split('.')[0]);
  };
  for (const spec of Object.values(mapping.records)) {
    add(spec.id);
    Object.values(spec.fields).forEach(add);
    Object.values(spec.claims).forEach(add);
  }
  return [...columns];
}

export function claimKind(spec: ValueSpec): FieldKind {
  return spec.kind ?? 'string';
}
