import { z } from 'zod';
import { ContributionStatus, OutputType } from '../modules/output/output.entity';
import { OrganisationType } from '../modules/organisation/organisation.entity';
import { PolicyLevel, PolicyRelation } from '../modules/policy/policy.entity';
import { EligibilityCoverage, ProgrammeStrand } from '../modules/programme/programme.entity';
import { PartnerRole, ProjectLinkKind, ProjectStatus, StatementKind } from '../modules/project/project.entity';
import { isKnownCountry } from '../modules/country/country.codes';
import { isKnownLanguage } from '../shared/languages';

/** The seed file format; seeds/FORMAT.md explains it for curators. */

const language = z.string().refine(isKnownLanguage, 'not an ISO 639-3 language code');
const country = z.string().refine(isKnownCountry, 'not an ISO 3166-1 alpha-2 country code');
const isoDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not an ISO date (YYYY-MM-DD) that exists in the calendar');
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const key = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'keys are letters, digits, ".", "_" and "-"');
const text = z.string().trim().min(1);

export const claimSchema = z.strictObject({
  field: z.string().min(1),
  value: z.unknown().optional(),
  doc: z.string().min(1),
  quote: z.string().min(1),
  occurrence: z.number().int().positive().optional(),
  shown: z.boolean().default(true),
  note: z.string().optional(),
});
export type SeedClaim = z.infer<typeof claimSchema>;

const claims = z.array(claimSchema).default([]);

export const localizedSchema = z.strictObject({
  language,
  text,
  translation: z.boolean().default(false),
});
const localized = z.array(localizedSchema).default([]);

const money = z.strictObject({
  amount: z.union([z.string(), z.number()]).transform(Number).refine((n) => Number.isFinite(n) && n >= 0, 'not an amount'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 currency code'),
});

const sourced = { claims, note: z.string().optional() };

export const documentsFileSchema = z.strictObject({
  documents: z.array(
    z.strictObject({
      key: z.string().min(1),
      file: z.string().regex(/^[\w.-]+\.txt$/),
      title: text,
      about: z
        .strictObject({
          programmes: z.array(z.string()).default([]),
          projects: z.array(z.string()).default([]),
          organisations: z.array(z.string()).default([]),
        })
        .default({ programmes: [], projects: [], organisations: [] }),
    }),
  ),
});

const term = z.strictObject({ code: key, labels: localized, ...sourced });
export const vocabulariesFileSchema = z.strictObject({ themes: z.array(term).default([]), sectors: z.array(term).default([]) });

export const organisationSchema = z.strictObject({
  key,
  name: text,
  nameLanguage: language.nullish(),
  nameEn: text.nullish(),
  nameEnTranslation: z.boolean().default(false),
  transliteration: text.nullish(),
  acronyms: z.array(text).default([]),
  type: z.enum(OrganisationType).nullish(),
  country: country.nullish(),
  region: text.nullish(),
  city: text.nullish(),
  website: url.nullish(),
  ...sourced,
});
export const organisationsFileSchema = z.strictObject({ organisations: z.array(organisationSchema) });

export const programmeFileSchema = z.strictObject({
  programme: z.strictObject({
    code: key,
    name: text,
    names: localized,
    periodStart: z.number().int().min(1950).max(2100).nullish(),
    periodEnd: z.number().int().min(1950).max(2100).nullish(),
    strand: z.enum(ProgrammeStrand).nullish(),
    fundingInstruments: z.array(text).default([]),
    website: url.nullish(),
    statedCountryCount: z.number().int().min(0).nullish(),
    statedPopulation: text.nullish(),
    eligibility: z
      .array(
        z.strictObject({
          country,
          coverage: z.enum(EligibilityCoverage),
          regions: z.array(text).default([]),
          ...sourced,
        }),
      )
      .default([]),
    calls: z
      .array(z.strictObject({ ordinal: z.number().int().positive(), name: text.nullish(), year: z.number().int().nullish(), ...sourced }))
      .default([]),
    ...sourced,
  }),
});

const statement = z.strictObject({
  kind: z.enum(StatementKind),
  language,
  text,
  translation: z.boolean().default(false),
});

export const projectFileSchema = z.strictObject({
  project: z.strictObject({
    acronym: text,
    nameVariants: z.array(text).default([]),
    titles: localized,
    referenceCode: text.nullish(),
    programme: key,
    call: z.number().int().positive().nullish(),
    status: z.enum(ProjectStatus).nullish(),
    startDate: isoDate.nullish(),
    endDate: isoDate.nullish(),
    durationMonths: z.number().int().positive().nullish(),
    totalBudget: money.nullish(),
    euContribution: money.nullish(),
    cofinancingRate: z.number().min(0).max(1).nullish(),
    statedPartnerCount: z.number().int().min(0).nullish(),
    statedCountryCount: z.number().int().min(0).nullish(),
    websites: z.array(url).default([]),
    themes: z.array(key).default([]),
    sectors: z.array(key).default([]),
    statements: z.array(statement).default([]),
    workPackages: z.array(z.strictObject({ code: text, titles: localized, ...sourced })).default([]),
    participations: z
      .array(z.strictObject({ organisation: key, role: z.enum(PartnerRole), budgetShare: money.nullish(), ...sourced }))
      .default([]),
    links: z.array(z.strictObject({ kind: z.enum(ProjectLinkKind), target: text, ...sourced })).default([]),
    outputs: z
      .array(
        z.strictObject({
          key,
          type: z.enum(OutputType),
          titles: localized,
          descriptions: localized,
          languages: z.array(language).default([]),
          url: url.nullish(),
          date: isoDate.nullish(),
          status: z.enum(ContributionStatus).default(ContributionStatus.PUBLISHED),
          producers: z.array(key).default([]),
          ...sourced,
        }),
      )
      .default([]),
    bestPractices: z
      .array(
        z.strictObject({
          key,
          titles: localized,
          summaries: localized,
          organisation: key.nullish(),
          clusterName: text.nullish(),
          sector: key.nullish(),
          country: country.nullish(),
          themes: z.array(key).default([]),
          evidence: text.nullish(),
          transferability: text.nullish(),
          requiredContents: z.array(text).default([]),
          ...sourced,
        }),
      )
      .default([]),
    policies: z
      .array(
        z.strictObject({
          key,
          names: localized,
          descriptions: localized,
          level: z.enum(PolicyLevel).nullish(),
          territory: text.nullish(),
          relation: z.enum(PolicyRelation),
          themes: z.array(key).default([]),
          ...sourced,
        }),
      )
      .default([]),
    events: z
      .array(z.strictObject({ key, title: text, date: isoDate.nullish(), place: text.nullish(), ...sourced }))
      .default([]),
    contacts: z
      .array(
        z.strictObject({
          name: text,
          role: text.nullish(),
          email: z.string().email().nullish(),
          phone: text.nullish(),
          organisation: key.nullish(),
          ...sourced,
        }),
      )
      .default([]),
    ...sourced,
  }),
});

export type DocumentsFile = z.infer<typeof documentsFileSchema>;
export type VocabulariesFile = z.infer<typeof vocabulariesFileSchema>;
export type OrganisationSeed = z.infer<typeof organisationSchema>;
export type ProgrammeSeed = z.infer<typeof programmeFileSchema>['programme'];
export type ProjectSeed = z.infer<typeof projectFileSchema>['project'];
