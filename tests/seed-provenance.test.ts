import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Claim, ClaimOrigin } from '../src/modules/provenance/claim.entity';
import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Issue 3 §5: every claim is anchored to the exact span it quotes, the source documents are stored
 * byte for byte, conflicting sources are kept with one value shown, and nothing is unsourced.
 */

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const DOCUMENTS_DIR = path.resolve(__dirname, '..', 'seeds', 'documents');

const codePointSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

async function query<T = any>(source: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await app.gql<T>(source, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

describe('claim offsets', () => {
  it('every claim in the database quotes exactly the code-point span [startOffset, endOffset) of its document', async () => {
    const claims = await app.orm.em.fork().find(Claim, {}, { populate: ['document'], orderBy: { id: 'asc' } });
    expect(claims.length).toBeGreaterThanOrEqual(400);
    const wrong: string[] = [];
    for (const claim of claims) {
      expect(claim.origin).toBe(ClaimOrigin.SEED);
      if (!claim.document || claim.startOffset == null || claim.endOffset == null || !claim.quote) {
        wrong.push(`claim ${claim.id} (${claim.subjectType}.${claim.field}) has no document span`);
        continue;
      }
      const span = codePointSlice(claim.document.text, claim.startOffset, claim.endOffset);
      if (span !== claim.quote) wrong.push(`claim ${claim.id} (${claim.subjectType}.${claim.field}): ${JSON.stringify(span)} ≠ ${JSON.stringify(claim.quote)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('counts offsets in code points, not UTF-16 units or bytes (a claim after non-ASCII text)', async () => {
    const { project } = await query(`{ project(acronym: "CLUSTERS-CORD") {
      claims(field: "totalBudget") { quote startOffset endOffset document { text } } } }`);
    const [claim] = project.claims;
    expect(claim.quote).toBe('Rozpočet projektu: 1 460 000,- EUR');
    const text: string = claim.document.text;
    const utf16Index = text.indexOf(claim.quote);
    expect(claim.startOffset).toBe(Array.from(text.slice(0, utf16Index)).length);
    expect(claim.endOffset - claim.startOffset).toBe(Array.from(claim.quote).length);
    // The Czech text before the quote has multi-byte characters, so a byte offset would differ.
    expect(Buffer.byteLength(text.slice(0, utf16Index))).toBeGreaterThan(claim.startOffset);
  });

  it('picks the requested occurrence of a quote that appears more than once', async () => {
    const { project } = await query(`{ project(acronym: "CLUSTERS-CORD") {
      claims(field: "websites") { quote startOffset endOffset document { text } } } }`);
    const [claim] = project.claims;
    expect(claim.quote).toBe('www.clusterscord.eu');
    const chars = Array.from(claim.document.text as string);
    const occurrences: number[] = [];
    for (let i = 0; i + 19 <= chars.length; i++) if (chars.slice(i, i + 19).join('') === 'www.clusterscord.eu') occurrences.push(i);
    expect(occurrences.length).toBeGreaterThanOrEqual(2);
    expect(claim.startOffset).toBe(occurrences[1]); // occurrence: 2 in the seed
  });
});

describe('documents', () => {
  const expected = [
    { prefix: '000', language: 'eng' },
    { prefix: '001', language: 'eng' },
    { prefix: '002', language: 'bul' },
    { prefix: '003', language: 'ita' },
    { prefix: '004', language: 'ces' },
  ];

  let documents: any[];
  beforeAll(async () => {
    ({
      documents: { nodes: documents },
    } = await query(`{ documents(first: 100) { totalCount nodes { origin originKind language languageDetected text
      projects { acronym } programmes { code } organisations { name } } } }`));
  });

  it('are the five source files, one record each, named by their file name', () => {
    const files = readdirSync(DOCUMENTS_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(files).toHaveLength(5);
    expect(documents.map((d) => d.origin).sort()).toEqual(files);
    expect(documents.every((d) => d.originKind === 'FILE')).toBe(true);
  });

  it('have the detected languages eng, eng, bul, ita, ces', () => {
    const byPrefix = Object.fromEntries(documents.map((d) => [d.origin.slice(0, 3), d]));
    for (const { prefix, language } of expected) {
      expect([prefix, byPrefix[prefix].language, byPrefix[prefix].languageDetected]).toEqual([prefix, language, true]);
    }
  });

  it('store the text of each file byte for byte', () => {
    for (const document of documents) {
      const bytes = readFileSync(path.join(DOCUMENTS_DIR, document.origin));
      const stored = Buffer.from(document.text, 'utf8');
      expect({ origin: document.origin, length: stored.length, equal: stored.equals(bytes) }).toEqual({
        origin: document.origin,
        length: bytes.length,
        equal: true,
      });
    }
    // The non-breaking spaces of the web pages survive (they are quoted by claims).
    const italian = documents.find((d) => d.origin.startsWith('003'));
    expect(italian.text).toContain('Innovazione, Ricerca e Sviluppo per \u00a0i driven clusters');
  });

  it('are linked to what they are about', () => {
    const about = (prefix: string) => {
      const d = documents.find((doc) => doc.origin.startsWith(prefix));
      return {
        projects: d.projects.map((p: any) => p.acronym).sort(),
        programmes: d.programmes.map((p: any) => p.code).sort(),
        organisations: d.organisations.length,
      };
    };
    expect(about('000')).toEqual({ projects: ['CLOUD'], programmes: ['south-east-europe-2007-2013'], organisations: 4 });
    expect(about('001')).toEqual({ projects: ['CLOUD'], programmes: ['south-east-europe-2007-2013'], organisations: 2 });
    expect(about('002')).toEqual({ projects: ['ClusterPoliSEE'], programmes: [], organisations: 0 });
    expect(about('003')).toEqual({ projects: ['ClusterPoliSEE'], programmes: ['south-east-europe-2007-2013'], organisations: 1 });
    expect(about('004')).toEqual({ projects: ['CLUSTERS-CORD'], programmes: ['central-europe-2007-2013'], organisations: 16 });
  });
});

describe('conflicting sources', () => {
  const CLAIM = 'value quote shown note document { origin }';
  let project: any;
  beforeAll(async () => {
    ({ project } = await query(`{ project(acronym: "CLOUD") {
      startDate endDate totalBudget { amount currency } euContribution { amount currency }
      start: claims(field: "startDate") { ${CLAIM} } end: claims(field: "endDate") { ${CLAIM} }
      total: claims(field: "totalBudget") { ${CLAIM} } eu: claims(field: "euContribution") { ${CLAIM} } } }`));
  });

  /** Shown claims first, then by document. */
  const shape = (claims: any[]) =>
    claims
      .map((c) => ({ value: c.value, quote: c.quote, shown: c.shown, doc: c.document.origin.slice(0, 3), noted: (c.note ?? '').length > 0 }))
      .sort((a, b) => Number(b.shown) - Number(a.shown) || a.doc.localeCompare(b.doc));

  it('shows CLOUD starting on 1 October 2012 (doc 000) and keeps 30 September 2012 (doc 001) as a noted, hidden alternative', () => {
    expect(project.startDate).toBe('2012-10-01');
    expect(shape(project.start)).toEqual([
      { value: '2012-10-01', quote: '1 October 2012', shown: true, doc: '000', noted: true },
      { value: '2012-09-30', quote: 'Start date: Sep 30, 2012', shown: false, doc: '001', noted: true },
    ]);
  });

  it('shows CLOUD ending on 30 September 2014 (doc 000) and keeps 29 September 2014 (doc 001) hidden', () => {
    expect(project.endDate).toBe('2014-09-30');
    expect(shape(project.end)).toEqual([
      { value: '2014-09-30', quote: '30 September 2014', shown: true, doc: '000', noted: true },
      { value: '2014-09-29', quote: 'End date: Sep 29, 2014', shown: false, doc: '001', noted: true },
    ]);
  });

  it('records the total (doc 000) and the EU contribution (doc 001) as separate, shown amounts', () => {
    expect(project.totalBudget).toEqual({ amount: 1584253, currency: 'EUR' });
    expect(shape(project.total)).toEqual([
      { value: { amount: 1584253, currency: 'EUR' }, quote: 'the project is worth EUR 1 584 253', shown: true, doc: '000', noted: true },
    ]);
    expect(project.euContribution).toEqual({ amount: 1342357, currency: 'EUR' });
    expect(shape(project.eu)).toEqual([
      { value: { amount: 1342357, currency: 'EUR' }, quote: '1 342 357,00', shown: true, doc: '001', noted: true },
    ]);
  });

  it('everywhere: a hidden claim has a note and a shown claim for the same field beside it', async () => {
    const claims = await app.orm.em.fork().find(Claim, {});
    const groups = new Map<string, Claim[]>();
    for (const claim of claims) {
      const key = `${claim.subjectType}:${claim.subjectId}:${claim.field}`;
      groups.set(key, [...(groups.get(key) ?? []), claim]);
    }
    const problems: string[] = [];
    let hidden = 0;
    for (const [key, group] of groups) {
      for (const claim of group.filter((c) => !c.shown)) {
        hidden++;
        if (!claim.note?.trim()) problems.push(`${key}: hidden claim ${claim.id} has no note`);
        if (!group.some((c) => c.shown)) problems.push(`${key}: only hidden claims`);
      }
    }
    expect(problems).toEqual([]);
    expect(hidden).toBeGreaterThanOrEqual(4);
  });
});

/**
 * Nothing unsourced: walks every programme, project and organisation (and the records hanging off
 * them) through GraphQL and checks that each field with a value has a shown claim for that field,
 * that a shown claim of a single-valued field states the value the record shows, and that each
 * item of a list field is stated by a shown claim. Text that is only a marked translation needs no
 * claim.
 */
describe('nothing is unsourced', () => {
  const C = 'claims { field value shown quote document { origin } }';
  const L = 'language text translation';

  interface Claimed {
    field: string;
    value: unknown;
    shown: boolean;
    quote: string;
    document: { origin: string } | null;
  }
  interface SourcedRecord {
    kind: 'programme' | 'organisation' | 'project';
    where: string;
    claims: Claimed[];
    /** Single-valued fields: the value shown through the API. */
    scalar: Record<string, unknown>;
    /** List fields: the items shown (source texts only, for localized lists). */
    lists: Record<string, unknown[]>;
    /** References whose value the API does not expose as stated (organisation keys…): only a claim is required. */
    references: Record<string, unknown>;
  }

  const sourceTexts = (texts: { text: string; translation: boolean }[] | null | undefined) =>
    (texts ?? []).filter((t) => !t.translation).map((t) => t.text);
  const present = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const shownFor = (record: SourcedRecord, field: string) => record.claims.filter((c) => c.field === field && c.shown);

  const records: SourcedRecord[] = [];
  const add = (kind: SourcedRecord['kind'], where: string, claims: Claimed[], fields: Partial<Pick<SourcedRecord, 'scalar' | 'lists' | 'references'>>) =>
    records.push({ kind, where, claims, scalar: fields.scalar ?? {}, lists: fields.lists ?? {}, references: fields.references ?? {} });

  beforeAll(async () => {
    const { programmes, organisations, projects } = await query(`{
      programmes(first: 100) { nodes {
        code name names { ${L} } periodStart periodEnd strand fundingInstruments website statedCountryCount statedPopulation ${C}
        eligibility { country { code } coverage regions ${C} }
        calls { ordinal name year ${C} } } }
      organisations(first: 100) { totalCount nodes {
        name nameEn nameEnTranslation transliteration acronyms type country { code } region city website ${C} } }
      projects(first: 100) { totalCount nodes { acronym } } }`);
    expect(programmes.nodes).toHaveLength(2);
    expect(organisations.nodes).toHaveLength(organisations.totalCount);
    expect(projects.nodes).toHaveLength(projects.totalCount);

    for (const p of programmes.nodes) {
      add('programme', `programme ${p.code}`, p.claims, {
        scalar: {
          name: p.name,
          periodStart: p.periodStart,
          periodEnd: p.periodEnd,
          strand: p.strand,
          website: p.website,
          statedCountryCount: p.statedCountryCount,
          statedPopulation: p.statedPopulation,
        },
        lists: { names: sourceTexts(p.names), fundingInstruments: p.fundingInstruments },
      });
      for (const e of p.eligibility) {
        add('programme', `programme ${p.code} eligibility ${e.country.code}`, e.claims, {
          scalar: { country: e.country.code, coverage: e.coverage },
          lists: { regions: e.regions },
        });
      }
      for (const call of p.calls) {
        add('programme', `programme ${p.code} call ${call.ordinal}`, call.claims, { scalar: { ordinal: call.ordinal, name: call.name, year: call.year } });
      }
    }

    for (const o of organisations.nodes) {
      add('organisation', `organisation ${o.name}`, o.claims, {
        scalar: {
          name: o.name,
          nameEn: o.nameEnTranslation ? null : o.nameEn, // a marked translation needs no claim
          transliteration: o.transliteration,
          type: o.type,
          country: o.country?.code,
          region: o.region,
          city: o.city,
          website: o.website,
        },
        lists: { acronyms: o.acronyms },
      });
    }

    for (const { acronym } of projects.nodes) {
      const { project: p } = await query(
        `query ($acronym: String!) { project(acronym: $acronym) {
          acronym nameVariants titles { ${L} } referenceCode programme { code } call { ordinal } status startDate endDate
          durationMonths totalBudget { amount currency } euContribution { amount currency } cofinancingRate
          statedPartnerCount statedCountryCount websites themes { code } sectors { code } statements { kind ${L} } ${C}
          partners { role organisation { name } ${C} }
          links { kind targetName ${C} }
          events { title date place ${C} }
          contacts { name role organisation { name } ${C} }
          outputs(first: 100) { totalCount nodes { type titles { ${L} } descriptions { ${L} } url date producers { name } ${C} } }
          bestPractices { titles { ${L} } summaries { ${L} } clusterName evidence transferability requiredContents
            themes { code } sector { code } country { code } organisation { name } ${C} }
          policies { relation policy { names { ${L} } descriptions { ${L} } level territory themes { code } ${C} } }
        } }`,
        { acronym },
      );
      add('project', `project ${acronym}`, p.claims, {
        scalar: {
          acronym: p.acronym,
          referenceCode: p.referenceCode,
          programme: p.programme.code,
          call: p.call?.ordinal,
          status: p.status,
          startDate: p.startDate,
          endDate: p.endDate,
          durationMonths: p.durationMonths,
          totalBudget: p.totalBudget,
          euContribution: p.euContribution,
          cofinancingRate: p.cofinancingRate,
          statedPartnerCount: p.statedPartnerCount,
          statedCountryCount: p.statedCountryCount,
        },
        lists: {
          nameVariants: p.nameVariants,
          titles: sourceTexts(p.titles),
          websites: p.websites,
          themes: p.themes.map((t: any) => t.code),
          sectors: p.sectors.map((s: any) => s.code),
          statements: sourceTexts(p.statements),
        },
      });
      for (const x of p.partners) {
        add('project', `project ${acronym} partner ${x.organisation.name}`, x.claims, { scalar: { role: x.role }, references: { organisation: x.organisation } });
      }
      for (const x of p.links) {
        add('project', `project ${acronym} link ${x.targetName}`, x.claims, { scalar: { kind: x.kind, target: x.targetName } });
      }
      for (const x of p.events) {
        add('project', `project ${acronym} event ${x.title}`, x.claims, { scalar: { title: x.title, date: x.date, place: x.place } });
      }
      for (const x of p.contacts) {
        add('project', `project ${acronym} contact ${x.name}`, x.claims, { scalar: { name: x.name, role: x.role }, references: { organisation: x.organisation } });
      }
      expect(p.outputs.nodes).toHaveLength(p.outputs.totalCount);
      for (const x of p.outputs.nodes) {
        add('project', `project ${acronym} output ${x.titles[0]?.text}`, x.claims, {
          scalar: { type: x.type, url: x.url, date: x.date },
          lists: { titles: sourceTexts(x.titles), descriptions: sourceTexts(x.descriptions) },
          references: { producers: x.producers },
        });
      }
      for (const x of p.bestPractices) {
        add('project', `project ${acronym} best practice ${x.titles[0]?.text}`, x.claims, {
          scalar: { clusterName: x.clusterName, evidence: x.evidence, transferability: x.transferability, sector: x.sector?.code, country: x.country?.code },
          lists: {
            titles: sourceTexts(x.titles),
            summaries: sourceTexts(x.summaries),
            requiredContents: x.requiredContents,
            themes: x.themes.map((t: any) => t.code),
          },
          references: { organisation: x.organisation },
        });
      }
      for (const { relation, policy: x } of p.policies) {
        add('project', `project ${acronym} policy ${x.names[0]?.text}`, x.claims, {
          scalar: { level: x.level, territory: x.territory },
          lists: { names: sourceTexts(x.names), descriptions: sourceTexts(x.descriptions), themes: x.themes.map((t: any) => t.code) },
          references: { relation },
        });
      }
    }
  });

  /** Each field with a value has a shown claim; a single value is the one the shown claims state; each list item is stated. */
  function unsourced(kind: SourcedRecord['kind']): { problems: string[]; fields: number } {
    const problems: string[] = [];
    let fields = 0;
    for (const record of records.filter((r) => r.kind === kind)) {
      for (const [field, value] of Object.entries(record.scalar)) {
        if (!present(value)) continue;
        fields++;
        const shown = shownFor(record, field);
        if (!shown.length) problems.push(`${record.where}.${field} = ${JSON.stringify(value)} has no shown claim`);
        for (const claim of shown) {
          if (!same(claim.value, value)) problems.push(`${record.where}.${field} shows ${JSON.stringify(value)} but a shown claim states ${JSON.stringify(claim.value)}`);
        }
      }
      for (const [field, items] of Object.entries(record.lists)) {
        if (!present(items)) continue;
        fields++;
        const shown = shownFor(record, field);
        for (const item of items) {
          const stated = shown.some((c) => same(c.value, item) || same(c.value, items));
          if (!stated) problems.push(`${record.where}.${field} item ${JSON.stringify(item)} has no shown claim`);
        }
      }
      for (const [field, value] of Object.entries(record.references)) {
        if (!present(value)) continue;
        fields++;
        if (!shownFor(record, field).length) problems.push(`${record.where}.${field} has no shown claim`);
      }
    }
    return { problems, fields };
  }

  it('every programme field with a value is sourced (eligibility and calls included)', () => {
    const { problems, fields } = unsourced('programme');
    expect(problems).toEqual([]);
    expect(fields).toBeGreaterThanOrEqual(45);
  });

  it('every organisation field with a value is sourced (an English name may instead be a marked translation)', () => {
    const { problems, fields } = unsourced('organisation');
    expect(problems).toEqual([]);
    expect(fields).toBeGreaterThanOrEqual(80);
  });

  it('every project field with a value is sourced, and so are its partners, links, outputs, practices, policies, events and contacts', () => {
    const { problems, fields } = unsourced('project');
    expect(problems).toEqual([]);
    expect(fields).toBeGreaterThanOrEqual(180);
  });

  it("a shown claim on a list field states one of the record's own items (no claim is attached to the wrong record)", () => {
    const wrong: string[] = [];
    for (const record of records) {
      for (const [field, items] of Object.entries(record.lists)) {
        for (const claim of shownFor(record, field)) {
          if (!items.some((item) => same(claim.value, item)) && !same(claim.value, items)) {
            wrong.push(`${record.where}.${field}: shown claim ${JSON.stringify(claim.value)} (quoting ${JSON.stringify(claim.quote)}) is not among ${JSON.stringify(items)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it("a project's, programme's or organisation's claims cite only the documents linked to it", async () => {
    const { projects, programmes, organisations } = await query(`{
      projects(first: 100) { nodes { acronym documents { origin } claims { document { origin } } } }
      programmes(first: 100) { nodes { code claims { document { origin } } } }
      organisations(first: 100) { nodes { name claims { document { origin } } } } }`);
    const { documents } = await query(`{ documents(first: 100) { nodes { origin programmes { code } organisations { name } } } }`);
    const wrong: string[] = [];
    for (const p of projects.nodes) {
      const linked = new Set(p.documents.map((d: any) => d.origin));
      for (const c of p.claims) if (!linked.has(c.document.origin)) wrong.push(`project ${p.acronym} cites ${c.document.origin}`);
    }
    for (const p of programmes.nodes) {
      const linked = new Set(documents.nodes.filter((d: any) => d.programmes.some((x: any) => x.code === p.code)).map((d: any) => d.origin));
      for (const c of p.claims) if (!linked.has(c.document.origin)) wrong.push(`programme ${p.code} cites ${c.document.origin}`);
    }
    for (const o of organisations.nodes) {
      const linked = new Set(documents.nodes.filter((d: any) => d.organisations.some((x: any) => x.name === o.name)).map((d: any) => d.origin));
      for (const c of o.claims) if (!linked.has(c.document.origin)) wrong.push(`organisation ${o.name} cites ${c.document.origin}`);
    }
    expect(wrong).toEqual([]);
  });
});
