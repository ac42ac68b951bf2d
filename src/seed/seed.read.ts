import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { detectLanguage } from '../shared/language-detection';
import {
  documentsFileSchema,
  DocumentsFile,
  OrganisationSeed,
  organisationsFileSchema,
  programmeFileSchema,
  ProgrammeSeed,
  projectFileSchema,
  ProjectSeed,
  SeedClaim,
  vocabulariesFileSchema,
  VocabulariesFile,
} from './seed.schema';

export interface SeedProblem {
  file: string;
  path: string;
  reason: string;
}

export class SeedValidationError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `The seeds are invalid; nothing was written:\n${problems.map((p) => `  ${p.file} ${p.path || '(file)'}: ${p.reason}`).join('\n')}`,
    );
  }
}

export interface SeedDocument {
  key: string;
  file: string;
  title: string;
  about: DocumentsFile['documents'][number]['about'];
  text: string;
  /** Code points, so offsets count characters the way PostgreSQL and most readers do. */
  chars: string[];
  checksum: string;
  language: string;
}

export interface ResolvedClaim extends SeedClaim {
  start: number;
  end: number;
}

export interface SeedBundle {
  documents: SeedDocument[];
  vocabularies: VocabulariesFile;
  organisations: OrganisationSeed[];
  programmes: ProgrammeSeed[];
  projects: ProjectSeed[];
  /** Every claim object of the files, resolved to offsets (looked up by identity). */
  spans: Map<SeedClaim, { start: number; end: number }>;
}

/** Fields that are identifiers, annotations or references checked elsewhere: they need no claim. */
const EDITORIAL_FIELDS = new Set(['key', 'claims', 'note', 'nameLanguage', 'nameEnTranslation', 'labels', 'code']);

/** Moderation state is ours, not a sourced fact. */
const MODERATED_RECORDS = new Set(['outputs', 'bestPractices']);

/** Lists of records that carry their own claims; they are checked as records of their own. */
const NESTED_RECORDS = new Set([
  'eligibility',
  'calls',
  'workPackages',
  'participations',
  'links',
  'outputs',
  'bestPractices',
  'policies',
  'events',
  'contacts',
]);

/** Reads, validates and resolves every seed file. Throws SeedValidationError listing every problem. */
export function readSeeds(dir: string): SeedBundle {
  const problems: SeedProblem[] = [];
  const load = <S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined => {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      problems.push({ file, path: '', reason: 'file is missing' });
      return undefined;
    }
    let raw: unknown;
    try {
      raw = parse(readFileSync(full, 'utf8'));
    } catch (error) {
      problems.push({ file, path: '', reason: `not valid YAML: ${(error as Error).message.split('\n')[0]}` });
      return undefined;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ file, path: issue.path.join('.'), reason: issue.message });
      return undefined;
    }
    return result.data;
  };
  const listDir = (sub: string) =>
    existsSync(path.join(dir, sub))
      ? readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${sub}/${f}`)
      : [];

  const documentsFile = load('documents.yaml', documentsFileSchema);
  const vocabularies = load('vocabularies.yaml', vocabulariesFileSchema) ?? { themes: [], sectors: [] };
  const organisations = load('organisations.yaml', organisationsFileSchema)?.organisations ?? [];
  const programmeFiles = listDir('programmes').map((file) => ({ file, data: load(file, programmeFileSchema)?.programme }));
  const projectFiles = listDir('projects').map((file) => ({ file, data: load(file, projectFileSchema)?.project }));

  const documents: SeedDocument[] = [];
  for (const [i, doc] of (documentsFile?.documents ?? []).entries()) {
    const full = path.join(dir, 'documents', doc.file);
    if (!existsSync(full)) {
      problems.push({ file: 'documents.yaml', path: `documents.${i}.file`, reason: `seeds/documents/${doc.file} is missing` });
      continue;
    }
    const text = readFileSync(full, 'utf8');
    documents.push({
      ...doc,
      text,
      chars: Array.from(text),
      checksum: createHash('sha256').update(text).digest('hex'),
      language: detectLanguage(text),
    });
  }

  const spans = new Map<SeedClaim, { start: number; end: number }>();
  const docsByKey = new Map(documents.map((d) => [d.key, d]));
  const checkRecord = (file: string, at: string, record: Record<string, unknown>, moderated = false) => {
    const claims = (record.claims as SeedClaim[] | undefined) ?? [];
    for (const [i, claim] of claims.entries()) {
      const where = `${at}claims.${i}`;
      const root = claim.field.split('.')[0];
      if (!(root in record) || EDITORIAL_FIELDS.has(root) && root !== 'labels') {
        problems.push({ file, path: where, reason: `claims a field "${claim.field}" this record does not have` });
      }
      // A claim without a value supports the value the record shows.
      claim.value ??= claim.field.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], record);
      const doc = docsByKey.get(claim.doc);
      if (!doc) {
        problems.push({ file, path: where, reason: `unknown document "${claim.doc}"` });
        continue;
      }
      const span = locate(doc, claim.quote, claim.occurrence ?? 1);
      if (!span) problems.push({ file, path: where, reason: `quote not found in document ${claim.doc}: "${claim.quote.slice(0, 60)}"` });
      else spans.set(claim, span);
      if (!claim.shown && !claim.note) problems.push({ file, path: where, reason: 'a value that is not shown needs a note saying why' });
    }
    // A single-valued field shows one value: disagreeing sources are kept, but only one is shown.
    const shownValues = new Map<string, Set<string>>();
    for (const claim of claims) {
      if (!claim.shown || Array.isArray(record[claim.field])) continue;
      shownValues.set(claim.field, (shownValues.get(claim.field) ?? new Set()).add(JSON.stringify(claim.value)));
    }
    for (const [field, values] of shownValues) {
      if (values.size > 1) {
        problems.push({ file, path: `${at}${field}`, reason: `claims show ${values.size} different values (${[...values].join(' / ')}): keep one shown and mark the others shown: false with a note` });
      }
    }
    for (const [field, value] of Object.entries(record)) {
      if (EDITORIAL_FIELDS.has(field) || NESTED_RECORDS.has(field) || isEmpty(value)) continue;
      if (isTranslationOnly(value) || (field === 'status' && moderated)) continue;
      if (field === 'nameEn' && record.nameEnTranslation === true) continue;
      if (!claims.some((c) => c.field === field || c.field.startsWith(`${field}.`))) {
        problems.push({ file, path: `${at}${field}`, reason: 'has a value but no claim quoting its source (or mark it translation: true)' });
      }
    }
    for (const field of NESTED_RECORDS) {
      const nested = record[field];
      if (Array.isArray(nested)) {
        nested.forEach((child, i) => checkRecord(file, `${at}${field}.${i}.`, child as Record<string, unknown>, MODERATED_RECORDS.has(field)));
      }
    }
  };

  organisations.forEach((o, i) => checkRecord('organisations.yaml', `organisations.${i}.`, o));
  for (const { file, data } of programmeFiles) if (data) checkRecord(file, 'programme.', data);
  for (const { file, data } of projectFiles) if (data) checkRecord(file, 'project.', data);
  [...vocabularies.themes, ...vocabularies.sectors].forEach((t, i) => checkRecord('vocabularies.yaml', `terms.${i}.`, t));

  checkReferences(problems, {
    documents,
    organisations,
    vocabularies,
    programmes: programmeFiles,
    projects: projectFiles,
  });
  if (problems.length) throw new SeedValidationError(problems);
  return {
    documents,
    vocabularies,
    organisations,
    programmes: programmeFiles.map((p) => p.data!),
    projects: projectFiles.map((p) => p.data!),
    spans,
  };
}

/** The `occurrence`-th place the quote appears, in code points. */
function locate(doc: SeedDocument, quote: string, occurrence: number): { start: number; end: number } | undefined {
  let index = -1;
  for (let n = 0; n < occurrence; n++) {
    index = doc.text.indexOf(quote, index + 1);
    if (index < 0) return undefined;
  }
  const start = Array.from(doc.text.slice(0, index)).length;
  return { start, end: start + Array.from(quote).length };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function isTranslationOnly(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && (item as { translation?: boolean }).translation === true)
  );
}

function checkReferences(
  problems: SeedProblem[],
  seeds: {
    documents: SeedDocument[];
    organisations: OrganisationSeed[];
    vocabularies: VocabulariesFile;
    programmes: { file: string; data?: ProgrammeSeed }[];
    projects: { file: string; data?: ProjectSeed }[];
  },
): void {
  const orgKeys = new Set(seeds.organisations.map((o) => o.key));
  const themes = new Set(seeds.vocabularies.themes.map((t) => t.code));
  const sectors = new Set(seeds.vocabularies.sectors.map((t) => t.code));
  const programmes = new Map(seeds.programmes.filter((p) => p.data).map((p) => [p.data!.code, p.data!]));
  const projects = new Set(seeds.projects.flatMap((p) => (p.data ? [p.data.acronym] : [])));
  const need = (ok: boolean, file: string, at: string, reason: string) => {
    if (!ok) problems.push({ file, path: at, reason });
  };
  const duplicates = (values: string[], file: string, at: string) => {
    const seen = new Set<string>();
    for (const v of values) {
      need(!seen.has(v), file, at, `duplicate key "${v}"`);
      seen.add(v);
    }
  };
  duplicates(seeds.organisations.map((o) => o.key), 'organisations.yaml', 'organisations');
  for (const [i, doc] of seeds.documents.entries()) {
    const at = `documents.${i}.about`;
    for (const p of doc.about.programmes) need(programmes.has(p), 'documents.yaml', at, `unknown programme "${p}"`);
    for (const p of doc.about.projects) need(projects.has(p), 'documents.yaml', at, `unknown project "${p}"`);
    for (const o of doc.about.organisations) need(orgKeys.has(o), 'documents.yaml', at, `unknown organisation "${o}"`);
  }
  const allOutputKeys: string[] = [];
  for (const { file, data } of seeds.projects) {
    if (!data) continue;
    const programme = programmes.get(data.programme);
    need(!!programme, file, 'project.programme', `unknown programme "${data.programme}"`);
    if (data.call != null && programme) {
      need(programme.calls.some((c) => c.ordinal === data.call), file, 'project.call', `programme has no call ${data.call}`);
    }
    data.themes.forEach((t, i) => need(themes.has(t), file, `project.themes.${i}`, `unknown theme "${t}"`));
    data.sectors.forEach((s, i) => need(sectors.has(s), file, `project.sectors.${i}`, `unknown sector "${s}"`));
    data.participations.forEach((p, i) =>
      need(orgKeys.has(p.organisation), file, `project.participations.${i}.organisation`, `unknown organisation "${p.organisation}"`),
    );
    duplicates(data.participations.map((p) => p.organisation), file, 'project.participations');
    data.outputs.forEach((o, i) =>
      o.producers.forEach((k) => need(orgKeys.has(k), file, `project.outputs.${i}.producers`, `unknown organisation "${k}"`)),
    );
    data.bestPractices.forEach((b, i) => {
      if (b.organisation) need(orgKeys.has(b.organisation), file, `project.bestPractices.${i}.organisation`, `unknown organisation "${b.organisation}"`);
      if (b.sector) need(sectors.has(b.sector), file, `project.bestPractices.${i}.sector`, `unknown sector "${b.sector}"`);
      b.themes.forEach((t) => need(themes.has(t), file, `project.bestPractices.${i}.themes`, `unknown theme "${t}"`));
    });
    data.policies.forEach((p, i) => p.themes.forEach((t) => need(themes.has(t), file, `project.policies.${i}.themes`, `unknown theme "${t}"`)));
    data.contacts.forEach((c, i) => {
      if (c.organisation) need(orgKeys.has(c.organisation), file, `project.contacts.${i}.organisation`, `unknown organisation "${c.organisation}"`);
    });
    allOutputKeys.push(...data.outputs.map((o) => o.key), ...data.bestPractices.map((b) => b.key), ...data.events.map((e) => e.key));
  }
  duplicates(allOutputKeys, 'projects/*', 'outputs, bestPractices and events');
}
