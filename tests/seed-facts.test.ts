import { createTestApp, TestApp } from './helpers/test-app';

/**
 * Issue 3 §5: a broad sample of facts from each of the five source documents, read back through
 * the GraphQL API together with the claim that sources them. Expected values are literals taken
 * from the documents themselves (seeds/documents/*.txt), not from the seed YAML.
 *
 *   000 English  CLOUD partner page + South East Europe programme eligibility
 *   001 English  CLOUD project-database entry
 *   002 Bulgarian ClusterPoliSEE objectives (ЦЕЛИ)
 *   003 Italian  ClusterPoliSEE project page
 *   004 Czech    Clusters Cord lead partner's page
 */

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

interface GqlClaim {
  field: string;
  value: unknown;
  quote: string | null;
  startOffset: number | null;
  endOffset: number | null;
  shown: boolean;
  note: string | null;
  document: { origin: string; language: string; text: string } | null;
}

const CLAIM = 'field value quote startOffset endOffset shown note document { origin language text }';

const DOC_FILES: Record<string, string> = {
  '000': '000_1c2aae568ab19a1a.txt',
  '001': '001_25de96bf69dbb488.txt',
  '002': '002_d42434ff87d4578a.txt',
  '003': '003_f3d75fd480c9a219.txt',
  '004': '004_f1548ddf27bf36d5.txt',
};

/** The span [start, end) of a text, counted in Unicode code points. */
const codePointSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

async function query<T = any>(source: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await app.gql<T>(source, variables);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!;
}

/**
 * Finds the claim quoting `quote` from document `doc` among `claims`, and checks that it is
 * anchored correctly: the document is the right file and the code-point span is the quote.
 */
function sourced(claims: GqlClaim[], doc: string, quote: string, expected: { value?: unknown; shown?: boolean } = {}): GqlClaim {
  const matches = claims.filter((c) => c.quote === quote && c.document?.origin === DOC_FILES[doc]);
  if (!matches.length) {
    throw new Error(
      `no claim quotes ${JSON.stringify(quote)} from document ${doc}; claims: ${JSON.stringify(
        claims.map((c) => [c.field, c.value, c.quote, c.document?.origin]),
      )}`,
    );
  }
  const claim = 'value' in expected ? (matches.find((c) => JSON.stringify(c.value) === JSON.stringify(expected.value)) ?? matches[0]) : matches[0];
  expect(claim.startOffset).toEqual(expect.any(Number));
  expect(claim.endOffset).toBeGreaterThan(claim.startOffset!);
  expect(codePointSlice(claim.document!.text, claim.startOffset!, claim.endOffset!)).toBe(quote);
  if ('value' in expected) expect(claim.value).toEqual(expected.value);
  expect(claim.shown).toBe(expected.shown ?? true);
  return claim;
}

describe('document 004 (Czech): Clusters Cord', () => {
  let project: any;
  beforeAll(async () => {
    ({ project } = await query(`{ project(acronym: "Clusters Cord") {
      acronym referenceCode durationMonths startDate endDate statedPartnerCount websites
      totalBudget { amount currency } call { ordinal } programme { code }
      workPackages { code title titles { language text translation } }
      sectors { code labels { language text translation } }
      documents { origin language }
      referenceClaims: claims(field: "referenceCode") { ${CLAIM} }
      durationClaims: claims(field: "durationMonths") { ${CLAIM} }
      budgetClaims: claims(field: "totalBudget") { ${CLAIM} }
      partnerCountClaims: claims(field: "statedPartnerCount") { ${CLAIM} }
      startClaims: claims(field: "startDate") { ${CLAIM} }
      endClaims: claims(field: "endDate") { ${CLAIM} }
      callClaims: claims(field: "call") { ${CLAIM} }
      sectorClaims: claims(field: "sectors") { ${CLAIM} }
      allClaims: claims { ${CLAIM} }
      events { title date place dateClaims: claims(field: "date") { ${CLAIM} } placeClaims: claims(field: "place") { ${CLAIM} }
        titleClaims: claims(field: "title") { ${CLAIM} } }
      partners { role organisation { name acronyms country { code } } roleClaims: claims(field: "role") { ${CLAIM} } }
      links { kind targetName kindClaims: claims(field: "kind") { ${CLAIM} } targetClaims: claims(field: "target") { ${CLAIM} } }
      contacts { name email phone organisation { acronyms } nameClaims: claims(field: "name") { ${CLAIM} } }
    } }`));
  });

  it('is found by its source spelling and documented only by document 004, detected as Czech', () => {
    expect(project.acronym).toBe('CLUSTERS-CORD');
    expect(project.documents).toEqual([{ origin: DOC_FILES['004'], language: 'ces' }]);
    expect(project.programme.code).toBe('central-europe-2007-2013');
  });

  it('has reference code 2CE202P1, quoted from the title line', () => {
    expect(project.referenceCode).toBe('2CE202P1');
    sourced(project.referenceClaims, '004', 'Central Europe – 2CE202P1', { value: '2CE202P1' });
  });

  it('lasts 36 months, March 2010 to February 2013, with the month-only dates explained', () => {
    expect(project.durationMonths).toBe(36);
    sourced(project.durationClaims, '004', '(36 měsíců)', { value: 36 });
    expect(project.startDate).toBe('2010-03-01');
    expect(project.endDate).toBe('2013-02-28');
    expect(sourced(project.startClaims, '004', 'Doba realizace: Březen 2010', { value: '2010-03-01' }).note).toMatch(/month/);
    expect(sourced(project.endClaims, '004', 'únor 2013 (36 měsíců)', { value: '2013-02-28' }).note).toMatch(/month/);
  });

  it('has a budget of 1 460 000 EUR and 10 partners as stated', () => {
    expect(project.totalBudget).toEqual({ amount: 1460000, currency: 'EUR' });
    sourced(project.budgetClaims, '004', 'Rozpočet projektu: 1 460 000,- EUR', { value: { amount: 1460000, currency: 'EUR' } });
    expect(project.statedPartnerCount).toBe(10);
    sourced(project.partnerCountClaims, '004', 'Počet partnerů: 10', { value: 10 });
  });

  it('was selected in the second call of Central Europe', () => {
    expect(project.call).toEqual({ ordinal: 2 });
    sourced(project.callClaims, '004', 'uspěl ve druhé výzvě Central Europe', { value: 2 });
  });

  it('has the final conference on 6 February 2013 at Hotel Diplomat, Praha', () => {
    expect(project.events).toHaveLength(1);
    const [event] = project.events;
    expect(event.title).toBe('Závěrečná mezinárodní konference projektu Clusters Cord');
    expect(event.date).toBe('2013-02-06');
    expect(event.place).toBe('Hotel Diplomat, Evropská 15, Praha 6');
    sourced(event.titleClaims, '004', 'Závěrečná mezinárodní konference projektu Clusters Cord');
    sourced(event.dateClaims, '004', 'Datum: 6. února 2013', { value: '2013-02-06' });
    sourced(event.placeClaims, '004', 'Místo konání: Hotel Diplomat, Evropská 15, Praha 6', { value: 'Hotel Diplomat, Evropská 15, Praha 6' });
  });

  it('has the four work packages with their Czech titles and marked English translations', () => {
    const czech: Record<string, string> = {
      WP1: 'Řízení a koordinace',
      WP2: 'Komunikace, znalostní management a distribuce informací',
      WP3: 'Výměna zkušeností vedoucí k identifikaci osvědčených postupů',
      WP4: 'Spolupráce klastrů a vytvoření meta klastrů',
    };
    expect(project.workPackages.map((wp: { code: string }) => wp.code)).toEqual(['WP1', 'WP2', 'WP3', 'WP4']);
    for (const wp of project.workPackages) {
      expect(wp.title).toBe(czech[wp.code]);
      expect(wp.titles).toContainEqual({ language: 'ces', text: czech[wp.code], translation: false });
      // The English titles are ours, and say so.
      expect(wp.titles.filter((t: { language: string }) => t.language === 'eng')).toEqual([
        { language: 'eng', text: expect.any(String), translation: true },
      ]);
      // Work packages carry no claims of their own in the API; their titles are sourced among the project's claims.
      sourced(project.allClaims, '004', `${wp.code} ${czech[wp.code]}`, { value: czech[wp.code] });
    }
  });

  it('targets the nine sectors listed in Czech, with English labels marked as translations', () => {
    const czech: Record<string, string> = {
      'mobility-logistics': 'mobilita a logistika',
      ict: 'ICT',
      'automotive-aviation': 'automobilový průmysl a letectví',
      tourism: 'cestovní ruch',
      'medical-sciences': 'lékařské vědy',
      'energy-environment': 'energetika a životní prostředí',
      'manufacturing-technologies': 'výrobní technologie',
      'wood-processing': 'dřevozpracující průmysl',
      'food-processing': 'zpracování potravin',
    };
    expect(project.sectors.map((s: { code: string }) => s.code).sort()).toEqual(Object.keys(czech).sort());
    for (const sector of project.sectors) {
      expect(sector.labels).toContainEqual({ language: 'ces', text: czech[sector.code], translation: false });
      expect(sector.labels).toContainEqual({ language: 'eng', text: expect.any(String), translation: true });
    }
    const english = Object.fromEntries(project.sectors.map((s: any) => [s.code, s.labels.find((l: any) => l.language === 'eng').text]));
    expect(english['medical-sciences']).toBe('Medical sciences');
    expect(english['food-processing']).toBe('Food processing');
    // Each sector is sourced from the list in the description ("mobilita a logistika, ICT, …").
    sourced(project.sectorClaims, '004', 'mobilita a logistika', { value: 'mobility-logistics' });
    sourced(project.sectorClaims, '004', 'lékařské vědy', { value: 'medical-sciences' });
    sourced(project.sectorClaims, '004', 'výrobní technologiemi', { value: 'manufacturing-technologies' });
    sourced(project.sectorClaims, '004', 'zpracování potravin', { value: 'food-processing' });
    expect(new Set(project.sectorClaims.map((c: GqlClaim) => c.value))).toEqual(new Set(Object.keys(czech)));
  });

  it('has the lead partner, nine partners and the observers MPO, MMR, CzechInvest and Ústecký kraj', () => {
    const roles = project.partners.map((p: any) => p.role);
    expect(roles.filter((r: string) => r === 'LEAD_PARTNER')).toHaveLength(1);
    expect(roles.filter((r: string) => r === 'PARTNER')).toHaveLength(9);
    const lead = project.partners[0];
    expect(lead.role).toBe('LEAD_PARTNER');
    expect(lead.organisation).toEqual({ name: 'Regionální rozvojová agentura Ústeckého kraje, a.s.', acronyms: ['RRA ÚK'], country: { code: 'CZ' } });
    sourced(lead.roleClaims, '004', 'RRA ÚK je zatím jediný vedoucím partnerem mezinárodního projektu CLUSTERS-CORD', { value: 'LEAD_PARTNER' });

    const observers = project.partners.filter((p: any) => p.role === 'OBSERVER');
    expect(observers.map((p: any) => p.organisation.name).sort()).toEqual(['CzechInvest', 'MMR', 'MPO', 'Ústecký kraj']);
    for (const observer of observers) {
      sourced(observer.roleClaims, '004', 'pozorovateli (MPO, MMR, CzechInvest, Ústecký kraj)', { value: 'OBSERVER' });
    }
    const partnerCountries = project.partners
      .filter((p: any) => p.role === 'PARTNER')
      .map((p: any) => p.organisation.country?.code)
      .sort();
    expect(partnerCountries).toEqual(['AT', 'CZ', 'DE', 'HU', 'IT', 'PL', 'PL', 'SI', 'SK']);
  });

  it('relates to the similar projects CNCB and C-Plus', () => {
    const similar = project.links.filter((l: any) => l.kind === 'SIMILAR_INITIATIVE');
    expect(similar.map((l: any) => l.targetName).sort()).toEqual(['C-Plus', 'CNCB']);
    for (const link of similar) {
      sourced(link.kindClaims, '004', 'zástupci obdobných projektů (CNCB, C-Plus)', { value: 'SIMILAR_INITIATIVE' });
      sourced(link.targetClaims, '004', link.targetName, { value: link.targetName });
    }
    const cooperation = project.links.filter((l: any) => l.kind === 'COOPERATES_WITH').map((l: any) => l.targetName);
    expect(cooperation.sort()).toEqual(['Evropská klastrová observatoř', 'Národní klastrová asociace']);
  });

  it('names the contact Mgr. Dana Krejsová but hides her e-mail and phone from anonymous readers', () => {
    expect(project.contacts).toHaveLength(1);
    const [contact] = project.contacts;
    expect(contact.name).toBe('Mgr. Dana Krejsová');
    expect(contact.email).toBeNull();
    expect(contact.phone).toBeNull();
    expect(contact.organisation).toEqual({ acronyms: ['RRA ÚK'] });
    sourced(contact.nameClaims, '004', 'Kontakt: Mgr. Dana Krejsová', { value: 'Mgr. Dana Krejsová' });
  });
});

describe('document 003 (Italian): ClusterPoliSEE project page', () => {
  let project: any;
  beforeAll(async () => {
    ({ project } = await query(`{ project(acronym: "clusterpolisee") {
      acronym nameVariants statedPartnerCount statedCountryCount title titles { language text translation }
      programme { code }
      themes { code label(language: "ita") labels { language text translation } }
      italian: statements(language: "ita") { kind language text translation }
      links { kind targetName targetClaims: claims(field: "target") { ${CLAIM} } }
      partnerCountClaims: claims(field: "statedPartnerCount") { ${CLAIM} }
      countryCountClaims: claims(field: "statedCountryCount") { ${CLAIM} }
      titleClaims: claims(field: "titles") { ${CLAIM} }
      themeClaims: claims(field: "themes") { ${CLAIM} }
      variantClaims: claims(field: "nameVariants") { ${CLAIM} }
      statementClaims: claims(field: "statements") { ${CLAIM} }
      programmeClaims: claims(field: "programme") { ${CLAIM} }
    } }`));
  });

  it('states 25 partners in 11 countries', () => {
    expect(project.statedPartnerCount).toBe(25);
    sourced(project.partnerCountClaims, '003', 'Il partenariato cè composto da 25 membri', { value: 25 });
    expect(project.statedCountryCount).toBe(11);
    const countries = sourced(project.countryCountClaims, '003', 'coinvolge 11 diversi paesi del programma SEE (8 Stati Membri EU e 3 IPA)', { value: 11 });
    expect(countries.note).toMatch(/8 EU Member States and 3 IPA/);
  });

  it('has the title "Smarter Cluster Policies for South East Europe", quoted from the Italian page', () => {
    expect(project.title).toBe('Smarter Cluster Policies for South East Europe');
    expect(project.titles).toEqual([{ language: 'eng', text: 'Smarter Cluster Policies for South East Europe', translation: false }]);
    sourced(project.titleClaims, '003', '(Smarter Cluster Policies for South East Europe)', { value: 'Smarter Cluster Policies for South East Europe' });
  });

  it('keeps the misspelt page heading as a name variant', () => {
    expect(project.nameVariants).toEqual(expect.arrayContaining(['ClusterPoliSEE', 'CLUSTERPOLISEEE']));
    sourced(project.variantClaims, '003', 'IL PROGETTO CLUSTERPOLISEEE', { value: 'CLUSTERPOLISEEE' });
  });

  it('works on the six thematic areas, labelled in Italian', () => {
    const italian: Record<string, string> = {
      'innovation-rd-driven-clusters': 'Innovazione, Ricerca e Sviluppo per i driven clusters',
      'sustainability-through-clusters': 'Sostenibilità attraverso lo sviluppo di Cluster',
      'international-cluster-cooperation': 'Cooperazione internazionale e networking tra Cluster',
      'cluster-financing': 'Miglioramento del quadro finanziario (Finanziamento Cluster)',
      'regional-specialisation': 'Cluster e specializzazione regionale',
      'new-skills-job-creation': 'Nuove competenze per la creazione di occupazione',
    };
    const byCode = new Map(project.themes.map((t: any) => [t.code, t]));
    for (const [code, label] of Object.entries(italian)) {
      const theme: any = byCode.get(code);
      expect(theme).toBeDefined();
      expect(theme.label).toBe(label);
      expect(theme.labels).toContainEqual({ language: 'ita', text: label, translation: false });
      expect(theme.labels).toContainEqual({ language: 'eng', text: expect.any(String), translation: true });
    }
    // The list in the work-plan paragraph; the first entry has a non-breaking space in the source.
    sourced(project.themeClaims, '003', 'Innovazione, Ricerca e Sviluppo per \u00a0i driven clusters', { value: 'innovation-rd-driven-clusters' });
    for (const code of Object.keys(italian).slice(1)) sourced(project.themeClaims, '003', italian[code], { value: code });
  });

  it('has its Italian objective, method and summary as Italian statements sourced from document 003', () => {
    const objective = project.italian.find((s: any) => s.kind === 'OBJECTIVE');
    expect(objective).toMatchObject({ language: 'ita', translation: false });
    expect(objective.text).toMatch(/^Obiettivo principale ClusterPoliSEE è quello di migliorare la capacità dei responsabili politici regionali/);
    expect(project.italian.map((s: any) => s.kind)).toEqual(expect.arrayContaining(['OBJECTIVE', 'SUMMARY', 'METHODOLOGY', 'EXPECTED_RESULT']));
    expect(project.italian.every((s: any) => s.language === 'ita')).toBe(true);
    const claim = project.statementClaims.find((c: GqlClaim) => c.value === objective.text);
    expect(claim).toBeDefined();
    expect(claim.document.origin).toBe(DOC_FILES['003']);
    expect(claim.quote.startsWith('Obiettivo principale ClusterPoliSEE')).toBe(true);
    expect(codePointSlice(claim.document.text, claim.startOffset, claim.endOffset)).toBe(claim.quote);
    sourced(project.statementClaims, '003', 'Inoltre, le azioni pilota e la loro valutazione complementare sono finalizzati alla creazione di un benchmark per le iniziative in corso e in prospettiva.');
  });

  it('is co-financed under the South East Europe programme and builds on the Six Countries Programme', () => {
    expect(project.programme.code).toBe('south-east-europe-2007-2013');
    sourced(project.programmeClaims, '003', "nell'ambito del Programma di Cooperazione Transnazionale South East Europe", { value: 'south-east-europe-2007-2013' });
    const link = project.links.find((l: any) => l.targetName === 'Six Countries Programme');
    expect(link.kind).toBe('BUILDS_ON');
    sourced(link.targetClaims, '003', 'applicando il approccio metodologico fornito dal Six Countries Programme');
  });
});

describe('document 002 (Bulgarian): ClusterPoliSEE objectives', () => {
  let project: any;
  beforeAll(async () => {
    ({ project } = await query(`{ project(acronym: "ClusterPoliSEE") {
      objectives: statements(kind: OBJECTIVE, language: "bul") { kind language text translation }
      specific: statements(kind: SPECIFIC_OBJECTIVE, language: "bul") { kind language text translation }
      specificAnyLanguage: statements(kind: SPECIFIC_OBJECTIVE) { language }
      statementClaims: claims(field: "statements") { ${CLAIM} }
      acronymClaims: claims(field: "acronym") { ${CLAIM} }
      outputs(first: 50) { nodes { type titles { language text translation } titleClaims: claims(field: "titles") { ${CLAIM} } } }
      documents { origin language }
    } }`));
  });

  const claimFor = (text: string): GqlClaim => {
    const claim = project.statementClaims.find((c: GqlClaim) => c.value === text);
    if (!claim) throw new Error(`no claim for the statement ${text.slice(0, 60)}`);
    return claim;
  };

  it('is documented by the Bulgarian and the Italian page', () => {
    expect(project.documents).toEqual(
      expect.arrayContaining([
        { origin: DOC_FILES['002'], language: 'bul' },
        { origin: DOC_FILES['003'], language: 'ita' },
      ]),
    );
  });

  it('has the main objective and the aim in Bulgarian, sourced from document 002', () => {
    expect(project.objectives).toHaveLength(2);
    const main = project.objectives.find((s: any) => s.text.startsWith('Основната цел на проекта'));
    const aim = project.objectives.find((s: any) => s.text.startsWith('ClusterPoliSEE има за цел'));
    expect(main).toMatchObject({ kind: 'OBJECTIVE', language: 'bul', translation: false });
    expect(main.text).toBe(
      'Основната цел на проекта е да се насърчи капацитета на регионалните политици за адресиране, предотвратяване и предвиждане на промени, ' +
        'за разработване на стратегии за интелигентно специализиране за подобряване на клъстерите, като по този начин ускорят разграничението ' +
        'и структурните промени в посока към икономика на знанието, в която има място да се разположат всички региони на ЮИЕ.',
    );
    const mainClaim = sourced(project.statementClaims, '002', main.text, { value: main.text });
    expect(mainClaim.document!.language).toBe('bul');
    // The stored text normalises the source's "да\u00a0 определи"; the quote keeps the source bytes.
    expect(aim.text).toMatch(/^ClusterPoliSEE има за цел да определи, развие и изпълни регионални клъстерни политики/);
    const aimClaim = claimFor(aim.text);
    expect(aimClaim.document!.origin).toBe(DOC_FILES['002']);
    expect(aimClaim.quote).toContain('да\u00a0 определи');
    expect(codePointSlice(aimClaim.document!.text, aimClaim.startOffset!, aimClaim.endOffset!)).toBe(aimClaim.quote);
    expect(aimClaim.note).toMatch(/whitespace/);
  });

  it('has the four specific objectives (Специфичните цели) in Bulgarian, in order', () => {
    expect(project.specific.map((s: any) => s.text.split(' ').slice(0, 3).join(' '))).toEqual([
      'да се създаде',
      'да се предостави',
      'да се определят',
      'да се укрепи',
    ]);
    expect(project.specificAnyLanguage.every((s: any) => s.language === 'bul')).toBe(true);
    for (const statement of project.specific) {
      expect(statement).toMatchObject({ kind: 'SPECIFIC_OBJECTIVE', language: 'bul', translation: false });
      const claim = claimFor(statement.text);
      expect(claim.document).toMatchObject({ origin: DOC_FILES['002'], language: 'bul' });
      expect(codePointSlice(claim.document!.text, claim.startOffset!, claim.endOffset!)).toBe(claim.quote);
    }
    expect(project.specific[3].text).toContain('Съвместен стратегически план, план за устойчивост и инициатива на нивото на ЮИЕ');
  });

  it('names the acronym in the Bulgarian text as well', () => {
    sourced(project.acronymClaims, '002', 'ClusterPoliSEE има за цел', { value: 'ClusterPoliSEE' });
  });

  it('has the ICT cooperation platform and the joint strategic plan as outputs with Bulgarian titles', () => {
    const byTitle = (bul: string) =>
      project.outputs.nodes.find((o: any) => o.titles.some((t: any) => t.language === 'bul' && t.text === bul && !t.translation));
    const platform = byTitle('платформа на сътрудничество за ИКТ');
    expect(platform.type).toBe('PLATFORM');
    sourced(platform.titleClaims, '002', 'платформа на сътрудничество за ИКТ', { value: 'платформа на сътрудничество за ИКТ' });
    const plan = byTitle('Съвместен стратегически план');
    expect(plan.type).toBe('STRATEGY');
    sourced(plan.titleClaims, '002', 'Съвместен стратегически план', { value: 'Съвместен стратегически план' });
  });
});

describe('document 000 (English): South East Europe programme and the CLOUD partner page', () => {
  let programme: any;
  let project: any;
  beforeAll(async () => {
    ({ programme, project } = await query(`{
      programme(code: "south-east-europe-2007-2013") {
        name statedCountryCount statedPopulation periodStart periodEnd strand
        eligibility { country { code } coverage regions coverageClaims: claims(field: "coverage") { ${CLAIM} }
          regionClaims: claims(field: "regions") { ${CLAIM} } countryClaims: claims(field: "country") { ${CLAIM} } }
        calls { ordinal name nameClaims: claims(field: "name") { ${CLAIM} } ordinalClaims: claims(field: "ordinal") { ${CLAIM} } }
        countClaims: claims(field: "statedCountryCount") { ${CLAIM} }
        populationClaims: claims(field: "statedPopulation") { ${CLAIM} }
        nameClaims: claims(field: "name") { ${CLAIM} }
      }
      project(acronym: "CLOUD") {
        call { ordinal name } totalBudget { amount currency }
        callClaims: claims(field: "call") { ${CLAIM} }
        budgetClaims: claims(field: "totalBudget") { ${CLAIM} }
        leadPartner { name nameEn nameClaims: claims(field: "name") { ${CLAIM} } nameEnClaims: claims(field: "nameEn") { ${CLAIM} } }
        partners { role organisation { name } roleClaims: claims(field: "role") { ${CLAIM} } }
      } }`));
  });

  it('covers 16 countries', () => {
    expect(programme.statedCountryCount).toBe(16);
    sourced(programme.countClaims, '000', 'regions in 16 countries', { value: 16 });
    expect(programme.eligibility).toHaveLength(16);
  });

  it('covers 14 countries entirely', () => {
    const whole = programme.eligibility.filter((e: any) => e.coverage === 'WHOLE');
    expect(whole.map((e: any) => e.country.code).sort()).toEqual(['AL', 'AT', 'BA', 'BG', 'GR', 'HR', 'HU', 'MD', 'ME', 'MK', 'RO', 'RS', 'SI', 'SK']);
    for (const e of whole) {
      expect(e.regions).toEqual([]);
      sourced(e.coverageClaims, '000', 'covers the entire territory of the country concerned', { value: 'WHOLE' });
    }
    const macedonia = whole.find((e: any) => e.country.code === 'MK');
    sourced(macedonia.countryClaims, '000', 'the Former Yugoslav Republic of Macedonia', { value: 'MK' });
  });

  it('covers Italy partially, with its twelve eligible regions', () => {
    const italy = programme.eligibility.find((e: any) => e.country.code === 'IT');
    expect(italy.coverage).toBe('PARTIAL');
    expect(italy.regions).toEqual([
      'Lombardia',
      'Bolzano / Bozen',
      'Trento',
      'Veneto',
      'Friuli-Venezia Giulia',
      'Emilia Romagna',
      'Umbria',
      'Marche',
      'Abruzzo',
      'Molise',
      'Puglia',
      'Basilicata',
    ]);
    sourced(italy.coverageClaims, '000', 'In two countries, only some regions are eligible for funding', { value: 'PARTIAL' });
    sourced(
      italy.regionClaims,
      '000',
      'Lombardia, Bolzano / Bozen, Trento, Veneto, Friuli-Venezia Giulia, Emilia Romagna, Umbria, Marche, Abruzzo, Molise, Puglia Basilicata',
    );
  });

  it('reads the Ukrainian oblasts listed after the Italian regions as the second partially eligible country', () => {
    const ukraine = programme.eligibility.find((e: any) => e.country.code === 'UA');
    expect(ukraine.coverage).toBe('PARTIAL');
    expect(ukraine.regions).toEqual(['Chernivtsi region', 'Ivo-Frankovskaya oblast', 'Zakarpatskaya oblast', 'Odessa region']);
    sourced(ukraine.regionClaims, '000', 'Chernivtsi region, Ivo-Frankovskaya oblast, Zakarpatskaya oblast and Odessa region');
    // Ukraine is not named: the reading is explained.
    expect(ukraine.countryClaims.every((c: GqlClaim) => (c.note ?? '').length > 0)).toBe(true);
  });

  it('has a population of 200 million people', () => {
    expect(programme.statedPopulation).toBe('200 million people');
    sourced(programme.populationClaims, '000', '200 million people', { value: '200 million people' });
  });

  it('runs 2007-2013 as a transnational programme named after the source', () => {
    expect(programme).toMatchObject({ periodStart: 2007, periodEnd: 2013, strand: 'TRANSNATIONAL' });
    expect(programme.name).toBe('South East Europe Transnational Cooperation Programme 2007-2013');
    sourced(programme.nameClaims, '000', 'South East Europe Transnational Cooperation Program 2007-2013');
  });

  it('funded CLOUD under its Fourth Call', () => {
    expect(programme.calls).toHaveLength(1);
    const [call] = programme.calls;
    expect(call).toMatchObject({ ordinal: 4, name: 'Fourth Call' });
    sourced(call.nameClaims, '000', 'Fourth Call', { value: 'Fourth Call' });
    sourced(call.ordinalClaims, '000', 'funded under the Fourth Call', { value: 4 });
    expect(project.call).toEqual({ ordinal: 4, name: 'Fourth Call' });
    sourced(project.callClaims, '000', 'funded under the Fourth Call', { value: 4 });
  });

  it('gives CLOUD a value of EUR 1 584 253', () => {
    expect(project.totalBudget).toEqual({ amount: 1584253, currency: 'EUR' });
    sourced(project.budgetClaims, '000', 'the project is worth EUR 1 584 253', { value: { amount: 1584253, currency: 'EUR' } });
  });

  it("names CLOUD's lead partner in Italian and English, and Business Agency as a partner", () => {
    expect(project.leadPartner.name).toBe("Confederazione Nazionale dell'Artigianato e della Piccola e Media Impresa Regionale dell'Emilia Romagna");
    expect(project.leadPartner.nameEn).toBe('National Confederation of Crafts and Small and Medium Enterprises by Emilia Romagna');
    sourced(project.leadPartner.nameClaims, '000', project.leadPartner.name);
    sourced(project.leadPartner.nameEnClaims, '000', project.leadPartner.nameEn);
    expect(project.partners.map((p: any) => [p.role, p.organisation.name])).toEqual([
      ['LEAD_PARTNER', project.leadPartner.name],
      ['PARTNER', 'Business Agency'],
    ]);
    sourced(project.partners[1].roleClaims, '000', 'Association "Business Agency" is a partner on the project', { value: 'PARTNER' });
  });
});

describe('document 001 (English): CLOUD project-database entry', () => {
  let project: any;
  beforeAll(async () => {
    ({ project } = await query(`{ project(acronym: "CLOUD") {
      status title statedPartnerCount cofinancingRate euContribution { amount currency }
      statusClaims: claims(field: "status") { ${CLAIM} }
      titleClaims: claims(field: "titles") { ${CLAIM} }
      partnerCountClaims: claims(field: "statedPartnerCount") { ${CLAIM} }
      rateClaims: claims(field: "cofinancingRate") { ${CLAIM} }
      euClaims: claims(field: "euContribution") { ${CLAIM} }
      bestPractices { title themes { code } requiredContents
        contentClaims: claims(field: "requiredContents") { ${CLAIM} } titleClaims: claims(field: "titles") { ${CLAIM} } }
      outputs(first: 50) { nodes { type title producers { name } } }
      documents { origin language }
    } }`));
  });

  it('is documented by the two English documents', () => {
    expect(project.documents).toEqual([
      { origin: DOC_FILES['000'], language: 'eng' },
      { origin: DOC_FILES['001'], language: 'eng' },
    ]);
  });

  it('is FINISHED', () => {
    expect(project.status).toBe('FINISHED');
    sourced(project.statusClaims, '001', 'PROJECT \u00a0FINISHED', { value: 'FINISHED' });
  });

  it('has the database title', () => {
    expect(project.title).toBe('CLusters Orientation towards Up-to-date technologies and models for common Development');
    sourced(project.titleClaims, '001', 'CLusters Orientation towards Up-to-date technologies and models for common Development');
  });

  it('has an EU contribution of 1 342 357 at an 85% co-financing rate', () => {
    expect(project.euContribution).toEqual({ amount: 1342357, currency: 'EUR' });
    const eu = sourced(project.euClaims, '001', '1 342 357,00', { value: { amount: 1342357, currency: 'EUR' } });
    expect(eu.note).toMatch(/85%/);
    expect(project.cofinancingRate).toBe(0.85);
    sourced(project.rateClaims, '001', '85%', { value: 0.85 });
  });

  it('states 10 partners', () => {
    expect(project.statedPartnerCount).toBe(10);
    sourced(project.partnerCountClaims, '001', '10 Partners Participants', { value: 10 });
  });

  it('has the Hidden Champions best practice with every required content sourced', () => {
    expect(project.bestPractices).toHaveLength(1);
    const [practice] = project.bestPractices;
    expect(practice.title).toMatch(/Hidden Champions/);
    sourced(practice.titleClaims, '001', 'ICT effective introduction case studies – “Hidden Champions”');
    expect(practice.themes.map((t: any) => t.code).sort()).toEqual(['ict-adoption', 'innovation']);
    expect(practice.requiredContents).toEqual([
      'a brief presentation of the cluster from which the company comes',
      'data collected during the benchmarking phase',
      'interview with witnesses',
      'video and further materials describing how the was successful introducing and developing ICT tool for its purposes',
      "specification of the firm's activities, focusing on its core business and how it is conducted, briefly highlighting the products/services range and organization features",
      'company goals',
      'characteristics that differentiates from the company’s major competitors and the sector average',
      'the insertion in a particular network model',
      'the expansion process into new markets',
      'official awards',
    ]);
    for (const content of practice.requiredContents) sourced(practice.contentClaims, '001', content, { value: content });
    expect(practice.contentClaims).toHaveLength(practice.requiredContents.length);
  });

  it('has the Hidden Champions Catalogue among its outputs', () => {
    const catalogue = project.outputs.nodes.find((o: any) => o.title === 'Hidden Champions Catalogue');
    expect(catalogue.type).toBe('CATALOGUE');
    expect(catalogue.producers.map((p: any) => p.name)).toContain('Business Agency');
  });
});
