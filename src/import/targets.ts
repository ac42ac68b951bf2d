import { OrganisationType } from '../modules/organisation/organisation.entity';
import { OutputType } from '../modules/output/output.entity';
import { ProgrammeStrand } from '../modules/programme/programme.entity';
import { PartnerRole, ProjectStatus } from '../modules/project/project.entity';

/**
 * What a mapping can write: per record type, its fields and how their values are parsed. Field
 * names are the entity properties (titles, totalBudget…); `ref` fields point at another record.
 */
export type FieldKind =
  | 'string'
  | 'integer'
  | 'number'
  | 'date'
  | 'country'
  | 'language'
  | 'money'
  | 'localized'
  | 'list'
  | 'enum'
  | 'ref';

export interface FieldSpec {
  kind: FieldKind;
  required?: boolean;
  /** Longest accepted string (the column length). */
  max?: number;
  values?: string[];
  /** For `ref`: the record type it points at. */
  ref?: RecordType;
}

export const RECORD_TYPES = ['programme', 'project', 'organisation', 'participation', 'output'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** GraphQL/entity type names, used in external_id, claim and search_outbox rows. */
export const ENTITY_TYPES: Record<RecordType, string> = {
  programme: 'Programme',
  project: 'Project',
  organisation: 'Organisation',
  participation: 'Participation',
  output: 'Output',
};

const str = (max: number, required = false): FieldSpec => ({ kind: 'string', max, required });
const enumOf = (values: Record<string, string>, required = false): FieldSpec => ({ kind: 'enum', values: Object.values(values), required });

export const TARGETS: Record<RecordType, Record<string, FieldSpec>> = {
  programme: {
    code: str(120, true),
    name: str(255),
    names: { kind: 'localized' },
    periodStart: { kind: 'integer' },
    periodEnd: { kind: 'integer' },
    strand: enumOf(ProgrammeStrand),
    fundingInstruments: { kind: 'list' },
    website: str(255),
  },
  project: {
    acronym: str(60, true),
    titles: { kind: 'localized' },
    nameVariants: { kind: 'list' },
    referenceCode: str(40),
    programme: { kind: 'ref', ref: 'programme', required: true },
    status: enumOf(ProjectStatus),
    startDate: { kind: 'date' },
    endDate: { kind: 'date' },
    durationMonths: { kind: 'integer' },
    totalBudget: { kind: 'money' },
    euContribution: { kind: 'money' },
    cofinancingRate: { kind: 'number' },
    statedPartnerCount: { kind: 'integer' },
    websites: { kind: 'list' },
  },
  organisation: {
    name: str(500, true),
    nameLanguage: { kind: 'language' },
    nameEn: str(500),
    transliteration: str(500),
    acronyms: { kind: 'list' },
    type: enumOf(OrganisationType),
    country: { kind: 'country' },
    region: str(255),
    city: str(255),
    website: str(255),
  },
  participation: {
    project: { kind: 'ref', ref: 'project', required: true },
    organisation: { kind: 'ref', ref: 'organisation', required: true },
    role: enumOf(PartnerRole, true),
    budgetShare: { kind: 'money' },
  },
  output: {
    project: { kind: 'ref', ref: 'project', required: true },
    type: enumOf(OutputType, true),
    titles: { kind: 'localized' },
    descriptions: { kind: 'localized' },
    languages: { kind: 'list' },
    url: str(2000),
    date: { kind: 'date' },
    licence: str(100),
  },
};
