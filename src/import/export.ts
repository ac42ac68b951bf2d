import { createHash } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import type { EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { encodeGlobalId } from '../graphql/global-id';
import type { LocalizedValue, Money } from '../graphql/values';
import { Document, DocumentOrganisation, DocumentProgramme, DocumentProject } from '../modules/document/document.entity';
import { Organisation } from '../modules/organisation/organisation.entity';
import { ContributionStatus, Output } from '../modules/output/output.entity';
import { Programme } from '../modules/programme/programme.entity';
import { Participation, Project } from '../modules/project/project.entity';

export type ExportFormat = 'ndjson' | 'csv' | 'jsonld';
export const EXPORT_FORMATS: ExportFormat[] = ['ndjson', 'csv', 'jsonld'];

type Row = Record<string, unknown>;

interface ExportedType {
  /** File name stem, also the import mapping "clusterbase-<name>". */
  name: string;
  entity: EntityClass<object>;
  where?: FilterQuery<object>;
  columns: string[];
  row(entity: object, em: EntityManager): Row | Promise<Row>;
  /** schema.org rendering for JSON-LD. */
  jsonld(row: Row): Row;
}

const id = (type: string, ref: unknown) => (ref ? encodeGlobalId(type, (ref as { id: number }).id) : undefined);
const money = (m?: Money | null) => (m ? { amount: m.amount, currency: m.currency } : undefined);
const texts = (values: LocalizedValue[] = []) => values.map((v) => ({ '@value': v.text, '@language': v.language }));
const node = (ref: unknown) => (ref ? { '@id': `urn:clusterbase:${ref}` } : undefined);

/**
 * The published knowledge base, in import order: everything a reader may see, without drafts
 * (outputs that are not PUBLISHED) or personal data (contacts, accounts). Ids are the records'
 * global ids, stable across exports; references use them too.
 */
const TYPES: ExportedType[] = [
  {
    name: 'programmes',
    entity: Programme,
    columns: ['id', 'code', 'name', 'names', 'periodStart', 'periodEnd', 'strand', 'fundingInstruments', 'website'],
    row: (p) => {
      const x = p as Programme;
      return { id: id('Programme', x), code: x.code, name: x.name, names: x.names, periodStart: x.periodStart, periodEnd: x.periodEnd, strand: x.strand, fundingInstruments: x.fundingInstruments, website: x.website };
    },
    jsonld: (r) => ({ '@type': 'FundingScheme', identifier: r.code, name: r.name, alternateName: texts(r.names as LocalizedValue[]), url: r.website }),
  },
  {
    name: 'projects',
    entity: Project,
    columns: ['id', 'acronym', 'titles', 'nameVariants', 'referenceCode', 'programme', 'status', 'startDate', 'endDate', 'durationMonths', 'totalBudget', 'euContribution', 'cofinancingRate', 'statedPartnerCount', 'websites'],
    row: (p) => {
      const x = p as Project;
      return {
        id: id('Project', x),
        acronym: x.acronym,
        titles: x.titles,
        nameVariants: x.nameVariants,
        referenceCode: x.referenceCode,
        programme: id('Programme', x.programme),
        status: x.status,
        startDate: x.startDate,
        endDate: x.endDate,
        durationMonths: x.durationMonths,
        totalBudget: money(x.totalBudget),
        euContribution: money(x.euContribution),
        cofinancingRate: x.cofinancingRate,
        statedPartnerCount: x.statedPartnerCount,
        websites: x.websites,
      };
    },
    jsonld: (r) => ({
      '@type': 'Project',
      name: r.acronym,
      alternateName: texts(r.titles as LocalizedValue[]),
      identifier: r.referenceCode,
      foundingDate: r.startDate,
      dissolutionDate: r.endDate,
      funder: node(r.programme),
      url: r.websites,
    }),
  },
  {
    name: 'organisations',
    entity: Organisation,
    columns: ['id', 'name', 'nameLanguage', 'nameEn', 'transliteration', 'acronyms', 'type', 'country', 'region', 'city', 'website'],
    row: (o) => {
      const x = o as Organisation;
      return {
        id: id('Organisation', x),
        name: x.name,
        nameLanguage: x.nameLanguage,
        nameEn: x.nameEn,
        transliteration: x.transliteration,
        acronyms: x.acronyms,
        type: x.type,
        country: x.country?.code,
        region: x.region,
        city: x.city,
        website: x.website,
      };
    },
    jsonld: (r) => ({
      '@type': 'Organization',
      name: r.nameLanguage ? { '@value': r.name, '@language': r.nameLanguage } : r.name,
      alternateName: [r.nameEn, r.transliteration, ...(r.acronyms as string[])].filter(Boolean),
      additionalType: r.type,
      address: { '@type': 'PostalAddress', addressCountry: r.country, addressRegion: r.region, addressLocality: r.city },
      url: r.website,
    }),
  },
  {
    name: 'participations',
    entity: Participation,
    columns: ['id', 'project', 'organisation', 'role', 'budgetShare'],
    row: (p) => {
      const x = p as Participation;
      return { id: id('Participation', x), project: id('Project', x.project), organisation: id('Organisation', x.organisation), role: x.role, budgetShare: money(x.budgetShare) };
    },
    jsonld: (r) => ({ '@type': 'OrganizationRole', roleName: r.role, member: node(r.organisation), memberOf: node(r.project) }),
  },
  {
    name: 'outputs',
    entity: Output,
    where: { status: ContributionStatus.PUBLISHED },
    columns: ['id', 'project', 'type', 'titles', 'descriptions', 'languages', 'url', 'date', 'licence'],
    row: (o) => {
      const x = o as Output;
      return { id: id('Output', x), project: id('Project', x.project), type: x.type, titles: x.titles, descriptions: x.descriptions, languages: x.languages, url: x.url, date: x.date, licence: x.licence };
    },
    jsonld: (r) => ({
      '@type': 'CreativeWork',
      genre: r.type,
      name: texts(r.titles as LocalizedValue[]),
      description: texts(r.descriptions as LocalizedValue[]),
      inLanguage: r.languages,
      url: r.url,
      datePublished: r.date,
      license: r.licence,
      producer: node(r.project),
    }),
  },
  {
    name: 'documents',
    entity: Document,
    columns: ['id', 'title', 'language', 'originKind', 'origin', 'text', 'projects', 'programmes', 'organisations'],
    row: async (d, em) => {
      const x = d as Document;
      const [projects, programmes, organisations] = await Promise.all([
        em.find(DocumentProject, { document: x }),
        em.find(DocumentProgramme, { document: x }),
        em.find(DocumentOrganisation, { document: x }),
      ]);
      return {
        id: id('Document', x),
        title: x.title,
        language: x.language,
        originKind: x.originKind,
        origin: x.origin,
        text: redactContacts(x.text),
        projects: projects.map((l) => id('Project', l.project)),
        programmes: programmes.map((l) => id('Programme', l.programme)),
        organisations: organisations.map((l) => id('Organisation', l.organisation)),
      };
    },
    jsonld: (r) => ({
      '@type': 'CreativeWork',
      name: r.title,
      inLanguage: r.language,
      text: r.text,
      url: r.originKind === 'URL' ? r.origin : undefined,
      about: [...(r.projects as string[]), ...(r.programmes as string[]), ...(r.organisations as string[])].map(node),
    }),
  },
];

const EXTENSIONS: Record<ExportFormat, string> = { ndjson: 'ndjson', csv: 'csv', jsonld: 'jsonld' };
const PAGE = 2000;

export interface ManifestFile {
  type: string;
  file: string;
  count: number;
  sha256: string;
}

export interface Manifest {
  format: ExportFormat;
  generatedAt: string;
  files: ManifestFile[];
  /** sha256 over the files' "<file> <sha256>" lines: one value to compare two exports by. */
  checksum: string;
}

/** Writes one file per entity type and manifest.json into `outDir`. */
export async function exportKnowledgeBase(orm: MikroORM, format: ExportFormat, outDir: string): Promise<Manifest> {
  mkdirSync(outDir, { recursive: true });
  const files: ManifestFile[] = [];
  for (const type of TYPES) files.push(await exportType(orm, type, format, outDir));
  const checksum = createHash('sha256')
    .update(files.map((f) => `${f.file} ${f.sha256}\n`).join(''))
    .digest('hex');
  const manifest: Manifest = { format, generatedAt: new Date().toISOString(), files, checksum };
  const out = createWriteStream(path.join(outDir, 'manifest.json'));
  out.end(JSON.stringify(manifest, null, 2) + '\n');
  await once(out, 'finish');
  return manifest;
}

async function exportType(orm: MikroORM, type: ExportedType, format: ExportFormat, outDir: string): Promise<ManifestFile> {
  const file = `${type.name}.${EXTENSIONS[format]}`;
  const out = createWriteStream(path.join(outDir, file));
  const hash = createHash('sha256');
  const write = async (text: string) => {
    hash.update(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  let count = 0;
  if (format === 'csv') await write(type.columns.map(csvCell).join(',') + '\n');
  if (format === 'jsonld') await write(`{"@context":"https://schema.org/","@graph":[\n`);
  for (let offset = 0; ; offset += PAGE) {
    const em = orm.em.fork();
    const page = await em.find(type.entity, type.where ?? {}, { orderBy: { id: 'asc' } as never, limit: PAGE, offset });
    for (const entity of page) {
      const row = await type.row(entity, em);
      if (format === 'ndjson') await write(JSON.stringify(compact(row)) + '\n');
      else if (format === 'csv') await write(type.columns.map((c) => csvCell(row[c])).join(',') + '\n');
      else await write(`${count ? ',\n' : ''}${JSON.stringify(compact({ '@id': `urn:clusterbase:${row.id}`, ...type.jsonld(row) }))}`);
      count++;
    }
    if (page.length < PAGE) break;
  }
  if (format === 'jsonld') await write('\n]}\n');
  out.end();
  await once(out, 'finish');
  return { type: type.name, file, count, sha256: hash.digest('hex') };
}

/**
 * Source texts quote contact lines ("Kontakt: … krejsova@rra.cz; tel: 475 200 016"): personal
 * data, which the export leaves out like the contacts themselves.
 */
function redactContacts(text: string): string {
  return text
    .replace(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu, '[redacted]')
    .replace(/(?<!\p{L})(tel|phone|fax|mob|mobile|gsm|телефон|тел)(?!\p{L})\.?:?\s*\+?[\d\s()/.-]{6,}\d/giu, '$1: [redacted]');
}

/** Drops null, undefined and empty lists and objects, recursively. */
function compact(value: Row): Row {
  const out: Row = {};
  for (const [key, v] of Object.entries(value)) {
    const c = v && typeof v === 'object' && !Array.isArray(v) ? compact(v as Row) : v;
    if (c === null || c === undefined || (Array.isArray(c) && !c.length) || (typeof c === 'object' && !Array.isArray(c) && !Object.keys(c as Row).length)) continue;
    out[key] = c;
  }
  return out;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
