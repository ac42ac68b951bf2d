import { FlushMode, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { acronymKey } from '../shared/text';
import { organisationNameKey } from '../shared/names';
import { Contact } from '../modules/contact/contact.entity';
import { Country } from '../modules/country/country.entity';
import { Document, DocumentOrganisation, DocumentOriginKind, DocumentProgramme, DocumentProject } from '../modules/document/document.entity';
import { Event } from '../modules/event/event.entity';
import { Organisation } from '../modules/organisation/organisation.entity';
import { Output, OutputProducer } from '../modules/output/output.entity';
import { Policy, PolicyProject, PolicyTheme } from '../modules/policy/policy.entity';
import { BestPractice, BestPracticeTheme } from '../modules/practice/practice.entity';
import { Call, Programme, ProgrammeEligibility } from '../modules/programme/programme.entity';
import { Participation, Project, ProjectLink, ProjectSector, ProjectTheme } from '../modules/project/project.entity';
import { Claim, ClaimOrigin } from '../modules/provenance/claim.entity';
import { ExternalId } from '../modules/provenance/external-id.entity';
import { Sector, Theme } from '../modules/vocabulary/vocabulary.entity';
import { readSeeds, SeedBundle } from './seed.read';
import { enqueueAll } from '../search/outbox';
import type { SeedClaim } from './seed.schema';

export { readSeeds, SeedValidationError } from './seed.read';

const SOURCE = 'seed';

export interface SeedSummary {
  inserted: number;
  updated: number;
  deleted: number;
  claims: number;
}

export async function isDatabaseEmpty(em: EntityManager): Promise<boolean> {
  return (await em.count(Programme, {})) === 0 && (await em.count(Project, {})) === 0;
}

/**
 * Validates every seed file first (nothing is written if any record is invalid), then upserts
 * everything in one transaction. Records are matched on their seed keys, so running it twice
 * changes nothing and editing a file changes only what was edited.
 */
export async function loadSeeds(em: EntityManager, dir: string): Promise<SeedSummary> {
  const bundle = readSeeds(dir);
  // COMMIT flush mode: no auto-flush behind a query's back, so every write goes through flush() and is counted.
  return em.transactional(async (tx) => {
    const summary = await new SeedWriter(tx, bundle).run();
    // Seeded records change together with their search documents (the outbox commits with them).
    if (summary.inserted + summary.updated + summary.deleted > 0) await enqueueAll(tx);
    return summary;
  }, { flushMode: FlushMode.COMMIT });
}

interface PendingClaim {
  subjectType: string;
  subject: { id: number };
  claim: SeedClaim;
  field: string;
}

/** A stable text form for comparison: sorted keys, entities by primary key, undefined as null. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const entity = v as { id?: unknown; code?: unknown };
      if (entity.id !== undefined || (entity.code !== undefined && Object.getPrototypeOf(v) !== Object.prototype)) {
        return { ref: entity.id ?? entity.code };
      }
      return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)));
    }
    return v;
  });
}

class SeedWriter {
  private readonly summary: SeedSummary = { inserted: 0, updated: 0, deleted: 0, claims: 0 };
  private readonly pendingClaims: PendingClaim[] = [];
  private readonly documents = new Map<string, Document>();
  private readonly organisations = new Map<string, Organisation>();
  private readonly themes = new Map<string, Theme>();
  private readonly sectors = new Map<string, Sector>();
  private readonly programmes = new Map<string, Programme>();
  private readonly projects = new Map<string, Project>();

  constructor(
    private readonly em: EntityManager,
    private readonly bundle: SeedBundle,
  ) {}

  async run(): Promise<SeedSummary> {
    await this.writeDocuments();
    await this.writeVocabularies();
    await this.writeOrganisations();
    await this.writeProgrammes();
    await this.writeProjects();
    await this.writeDocumentLinks();
    await this.writeClaims();
    return this.summary;
  }

  /** Persists pending changes and counts what the unit of work actually wrote. */
  private async flush(): Promise<void> {
    const uow = this.em.getUnitOfWork();
    uow.computeChangeSets();
    for (const changeSet of uow.getChangeSets()) {
      if (changeSet.type === 'create') this.summary.inserted++;
      else if (changeSet.type === 'update') this.summary.updated++;
      else if (changeSet.type === 'delete') this.summary.deleted++;
    }
    await this.em.flush();
  }

  /** Finds the record a seed key names (through external_id) or creates it. */
  private async upsertKeyed<T extends { id: number }>(
    entity: EntityClass<T>,
    typeName: string,
    key: string,
    data: Partial<T>,
  ): Promise<T> {
    const link = await this.em.findOne(ExternalId, { source: SOURCE, entityType: typeName, externalId: key });
    const existing = link ? await this.em.findOne(entity, { id: link.entityId } as never) : null;
    if (existing) {
      this.assignChanged(existing, data as never);
      return existing;
    }
    const created = this.em.create(entity, data as never);
    await this.flush();
    if (link) link.entityId = created.id;
    else this.em.persist(this.em.create(ExternalId, { source: SOURCE, entityType: typeName, externalId: key, entityId: created.id }));
    return created;
  }

  /** Removes seed-owned children of a parent that the files no longer list. */
  private async removeStale<T extends { id: number }>(entity: EntityClass<T>, typeName: string, where: object, keep: T[]): Promise<void> {
    const kept = new Set(keep.map((row) => row.id));
    const rows = await this.em.find(entity, where as never);
    const stale = rows.filter((row) => !kept.has(row.id));
    if (!stale.length) return;
    const seedOwned = await this.em.find(ExternalId, { source: SOURCE, entityType: typeName, entityId: { $in: stale.map((r) => r.id) } });
    const owned = new Set(seedOwned.map((link) => link.entityId));
    for (const row of stale) if (owned.has(row.id)) this.em.remove(row);
    for (const link of seedOwned) this.em.remove(link);
  }

  /**
   * Sets only the values that differ. PostgreSQL returns jsonb with its own key order, so the ORM
   * would see every reloaded JSON column as changed; comparing canonical forms keeps re-runs no-ops.
   */
  private assignChanged<T extends object>(entity: T, data: object): T {
    const record = entity as Record<string, unknown>;
    for (const [key, value] of Object.entries(data)) {
      if (canonical(record[key]) !== canonical(value)) record[key] = value;
    }
    return entity;
  }

  private claimsOf(subjectType: string, subject: { id: number }, claims: SeedClaim[], fieldPrefix = ''): void {
    for (const claim of claims) this.pendingClaims.push({ subjectType, subject, claim, field: fieldPrefix + claim.field });
  }

  private async syncPivot<P extends object>(pivot: EntityClass<P>, ownerField: string, owner: object, targetField: string, targets: object[]): Promise<void> {
    const existing = await this.em.find(pivot, { [ownerField]: owner } as never);
    const wanted = new Set(targets);
    const have = new Set(existing.map((row) => (row as Record<string, unknown>)[targetField]));
    for (const row of existing) if (!wanted.has((row as Record<string, unknown>)[targetField] as object)) this.em.remove(row);
    for (const target of targets) if (!have.has(target)) this.em.persist(this.em.create(pivot, { [ownerField]: owner, [targetField]: target } as never));
  }

  private async writeDocuments(): Promise<void> {
    for (const doc of this.bundle.documents) {
      const document = await this.upsertKeyed(Document, 'Document', doc.key, {
        title: doc.title,
        language: doc.language,
        languageDetected: true,
        text: doc.text,
        originKind: DocumentOriginKind.FILE,
        origin: doc.file,
        checksum: doc.checksum,
      });
      this.documents.set(doc.key, document);
    }
    await this.flush();
  }

  private async writeVocabularies(): Promise<void> {
    for (const [entity, terms, map] of [
      [Theme, this.bundle.vocabularies.themes, this.themes],
      [Sector, this.bundle.vocabularies.sectors, this.sectors],
    ] as const) {
      for (const term of terms) {
        const existing = await this.em.findOne(entity as EntityClass<Theme>, { code: term.code });
        const row = existing ?? this.em.create(entity as EntityClass<Theme>, { code: term.code, labels: term.labels });
        if (existing) this.assignChanged(existing, { labels: term.labels });
        (map as Map<string, Theme>).set(term.code, row);
      }
    }
    await this.flush();
    for (const term of this.bundle.vocabularies.themes) this.claimsOf('Theme', this.themes.get(term.code)!, term.claims);
    for (const term of this.bundle.vocabularies.sectors) this.claimsOf('Sector', this.sectors.get(term.code)!, term.claims);
  }

  private async writeOrganisations(): Promise<void> {
    for (const org of this.bundle.organisations) {
      const row = await this.upsertKeyed(Organisation, 'Organisation', org.key, {
        name: org.name,
        nameLanguage: org.nameLanguage ?? undefined,
        nameEn: org.nameEn ?? undefined,
        nameEnTranslation: org.nameEnTranslation,
        transliteration: org.transliteration ?? undefined,
        acronyms: org.acronyms,
        nameKey: organisationNameKey(org.transliteration ?? org.name),
        type: org.type ?? undefined,
        country: org.country ? this.em.getReference(Country, org.country) : undefined,
        region: org.region ?? undefined,
        city: org.city ?? undefined,
        website: org.website ?? undefined,
      });
      this.organisations.set(org.key, row);
      this.claimsOf('Organisation', row, org.claims);
    }
    await this.flush();
  }

  private async writeProgrammes(): Promise<void> {
    for (const seed of this.bundle.programmes) {
      const data = {
        code: seed.code,
        name: seed.name,
        names: seed.names,
        periodStart: seed.periodStart ?? undefined,
        periodEnd: seed.periodEnd ?? undefined,
        strand: seed.strand ?? undefined,
        fundingInstruments: seed.fundingInstruments,
        website: seed.website ?? undefined,
        statedCountryCount: seed.statedCountryCount ?? undefined,
        statedPopulation: seed.statedPopulation ?? undefined,
      };
      const existing = await this.em.findOne(Programme, { code: seed.code });
      const programme = existing ? this.assignChanged(existing, data) : this.em.create(Programme, data);
      await this.flush();
      this.programmes.set(seed.code, programme);
      this.claimsOf('Programme', programme, seed.claims);

      const eligibility: ProgrammeEligibility[] = [];
      for (const e of seed.eligibility) {
        const country = this.em.getReference(Country, e.country);
        const row =
          (await this.em.findOne(ProgrammeEligibility, { programme, country })) ??
          this.em.create(ProgrammeEligibility, { programme, country, coverage: e.coverage, regions: e.regions });
        this.assignChanged(row, { coverage: e.coverage, regions: e.regions });
        eligibility.push(row);
      }
      await this.flush();
      await this.removeStaleAll(ProgrammeEligibility, { programme }, eligibility);
      seed.eligibility.forEach((e, i) => this.claimsOf('ProgrammeEligibility', eligibility[i], e.claims));

      const calls: Call[] = [];
      for (const c of seed.calls) {
        const row =
          (await this.em.findOne(Call, { programme, ordinal: c.ordinal })) ??
          this.em.create(Call, { programme, ordinal: c.ordinal });
        this.assignChanged(row, { name: c.name ?? undefined, year: c.year ?? undefined });
        calls.push(row);
      }
      await this.flush();
      seed.calls.forEach((c, i) => this.claimsOf('Call', calls[i], c.claims));
    }
  }

  /** For children identified by their natural key within the parent (not by a seed key). */
  private async removeStaleAll<T extends { id: number }>(entity: EntityClass<T>, where: object, keep: T[]): Promise<void> {
    const kept = new Set(keep.map((row) => row.id));
    for (const row of await this.em.find(entity, where as never)) if (!kept.has(row.id)) this.em.remove(row);
    await this.flush();
  }

  private async writeProjects(): Promise<void> {
    for (const seed of this.bundle.projects) {
      const programme = this.programmes.get(seed.programme)!;
      const call = seed.call != null ? await this.em.findOneOrFail(Call, { programme, ordinal: seed.call }) : undefined;
      const key = acronymKey(seed.acronym);
      const data = {
        acronym: seed.acronym,
        acronymKey: key,
        nameVariants: seed.nameVariants,
        titles: seed.titles,
        referenceCode: seed.referenceCode ?? undefined,
        programme,
        call,
        status: seed.status ?? undefined,
        startDate: seed.startDate ?? undefined,
        endDate: seed.endDate ?? undefined,
        durationMonths: seed.durationMonths ?? undefined,
        totalBudget: seed.totalBudget ?? undefined,
        euContribution: seed.euContribution ?? undefined,
        cofinancingRate: seed.cofinancingRate ?? undefined,
        statedPartnerCount: seed.statedPartnerCount ?? undefined,
        statedCountryCount: seed.statedCountryCount ?? undefined,
        websites: seed.websites,
        statements: seed.statements,
        workPackages: seed.workPackages.map((wp) => ({ code: wp.code, titles: wp.titles })),
      };
      const existing = await this.em.findOne(Project, { programme, acronymKey: key });
      const project = existing ? this.assignChanged(existing, data) : this.em.create(Project, data);
      await this.flush();
      this.projects.set(seed.acronym, project);
      this.claimsOf('Project', project, seed.claims);
      // Work packages are part of the project record: their claims are about "workPackages.<code>.<field>".
      for (const wp of seed.workPackages) this.claimsOf('Project', project, wp.claims, `workPackages.${wp.code}.`);

      await this.syncPivot(ProjectTheme, 'project', project, 'theme', seed.themes.map((t) => this.themes.get(t)!));
      await this.syncPivot(ProjectSector, 'project', project, 'sector', seed.sectors.map((s) => this.sectors.get(s)!));
      await this.writeParticipations(project, seed);
      await this.writeProjectChildren(project, seed);
    }
    await this.resolveLinkTargets();
  }

  private async writeParticipations(project: Project, seed: SeedBundle['projects'][number]): Promise<void> {
    const rows: Participation[] = [];
    for (const p of seed.participations) {
      const organisation = this.organisations.get(p.organisation)!;
      const row =
        (await this.em.findOne(Participation, { project, organisation })) ??
        this.em.create(Participation, { project, organisation, role: p.role });
      this.assignChanged(row, { role: p.role, budgetShare: p.budgetShare ?? undefined });
      rows.push(row);
    }
    await this.flush();
    await this.removeStaleAll(Participation, { project }, rows);
    seed.participations.forEach((p, i) => this.claimsOf('Participation', rows[i], p.claims));

    const links: ProjectLink[] = [];
    for (const l of seed.links) {
      const row =
        (await this.em.findOne(ProjectLink, { project, kind: l.kind, targetName: l.target })) ??
        this.em.create(ProjectLink, { project, kind: l.kind, targetName: l.target });
      links.push(row);
    }
    await this.flush();
    await this.removeStaleAll(ProjectLink, { project }, links);
    seed.links.forEach((l, i) => this.claimsOf('ProjectLink', links[i], l.claims));
  }

  private async writeProjectChildren(project: Project, seed: SeedBundle['projects'][number]): Promise<void> {
    const outputs: Output[] = [];
    for (const o of seed.outputs) {
      const row = await this.upsertKeyed(Output, 'Output', o.key, {
        project,
        type: o.type,
        titles: o.titles,
        descriptions: o.descriptions,
        languages: o.languages,
        url: o.url ?? undefined,
        date: o.date ?? undefined,
        status: o.status,
      });
      await this.flush();
      await this.syncPivot(OutputProducer, 'output', row, 'organisation', o.producers.map((k) => this.organisations.get(k)!));
      this.claimsOf('Output', row, o.claims);
      outputs.push(row);
    }
    await this.removeStale(Output, 'Output', { project }, outputs);

    const practices: BestPractice[] = [];
    for (const b of seed.bestPractices) {
      const row = await this.upsertKeyed(BestPractice, 'BestPractice', b.key, {
        project,
        titles: b.titles,
        summaries: b.summaries,
        organisation: b.organisation ? this.organisations.get(b.organisation) : undefined,
        clusterName: b.clusterName ?? undefined,
        sector: b.sector ? this.sectors.get(b.sector) : undefined,
        country: b.country ? this.em.getReference(Country, b.country) : undefined,
        evidence: b.evidence ?? undefined,
        transferability: b.transferability ?? undefined,
        requiredContents: b.requiredContents,
      });
      await this.flush();
      await this.syncPivot(BestPracticeTheme, 'bestPractice', row, 'theme', b.themes.map((t) => this.themes.get(t)!));
      this.claimsOf('BestPractice', row, b.claims);
      practices.push(row);
    }
    await this.removeStale(BestPractice, 'BestPractice', { project }, practices);

    for (const p of seed.policies) {
      const policy = await this.upsertKeyed(Policy, 'Policy', p.key, {
        names: p.names,
        descriptions: p.descriptions,
        level: p.level ?? undefined,
        territory: p.territory ?? undefined,
      });
      await this.flush();
      const link = (await this.em.findOne(PolicyProject, { policy, project })) ?? this.em.create(PolicyProject, { policy, project, relation: p.relation });
      link.relation = p.relation;
      await this.syncPivot(PolicyTheme, 'policy', policy, 'theme', p.themes.map((t) => this.themes.get(t)!));
      this.claimsOf('Policy', policy, p.claims);
    }

    const events: Event[] = [];
    for (const e of seed.events) {
      const row = await this.upsertKeyed(Event, 'Event', e.key, { project, title: e.title, date: e.date ?? undefined, place: e.place ?? undefined });
      this.claimsOf('Event', row, e.claims);
      events.push(row);
    }
    await this.removeStale(Event, 'Event', { project }, events);

    const contacts: Contact[] = [];
    for (const c of seed.contacts) {
      const row = await this.upsertKeyed(Contact, 'Contact', `${project.acronymKey}:${c.name}`, {
        project,
        name: c.name,
        role: c.role ?? undefined,
        email: c.email ?? undefined,
        phone: c.phone ?? undefined,
        organisation: c.organisation ? this.organisations.get(c.organisation) : undefined,
      });
      this.claimsOf('Contact', row, c.claims);
      contacts.push(row);
    }
    await this.removeStale(Contact, 'Contact', { project }, contacts);
    await this.flush();
  }

  /** A link whose target names a project of the knowledge base points at it. */
  private async resolveLinkTargets(): Promise<void> {
    const byKey = new Map<string, Project>();
    for (const project of await this.em.find(Project, {})) {
      for (const name of [project.acronym, ...project.nameVariants]) byKey.set(acronymKey(name), project);
    }
    for (const link of await this.em.find(ProjectLink, {})) {
      const target = byKey.get(acronymKey(link.targetName));
      if (target && target.id !== link.project.id && link.targetProject?.id !== target.id) link.targetProject = target;
    }
    await this.flush();
  }

  private async writeDocumentLinks(): Promise<void> {
    for (const doc of this.bundle.documents) {
      const document = this.documents.get(doc.key)!;
      await this.syncPivot(DocumentProject, 'document', document, 'project', doc.about.projects.map((p) => this.projects.get(p)!));
      await this.syncPivot(DocumentProgramme, 'document', document, 'programme', doc.about.programmes.map((p) => this.programmes.get(p)!));
      await this.syncPivot(DocumentOrganisation, 'document', document, 'organisation', doc.about.organisations.map((o) => this.organisations.get(o)!));
    }
    await this.flush();
  }

  /** Seed claims are replaced as a set: unchanged claims stay, edited ones are updated, removed ones go. */
  private async writeClaims(): Promise<void> {
    const existing = await this.em.find(Claim, { origin: ClaimOrigin.SEED });
    const identity = (c: { subjectType: string; subjectId: number; field: string; documentId?: number; startOffset?: number; endOffset?: number; value?: unknown }) =>
      JSON.stringify([c.subjectType, c.subjectId, c.field, c.documentId, c.startOffset, c.endOffset, c.value]);
    const byIdentity = new Map(existing.map((c) => [identity({ ...c, documentId: c.document?.id }), c]));
    const kept = new Set<Claim>();
    for (const { subjectType, subject, claim, field } of this.pendingClaims) {
      const span = this.bundle.spans.get(claim)!;
      const document = this.documents.get(claim.doc)!;
      const value = claim.value ?? null;
      const values = {
        subjectType,
        subjectId: subject.id,
        field,
        value,
        documentId: document.id,
        startOffset: span.start,
        endOffset: span.end,
      };
      const found = byIdentity.get(identity(values));
      if (found && !kept.has(found)) {
        this.assignChanged(found, { shown: claim.shown, note: claim.note ?? undefined, quote: claim.quote });
        kept.add(found);
      } else {
        const created = this.em.create(Claim, {
          subjectType,
          subjectId: subject.id,
          field,
          value,
          document,
          startOffset: span.start,
          endOffset: span.end,
          quote: claim.quote,
          shown: claim.shown,
          note: claim.note,
          origin: ClaimOrigin.SEED,
        });
        kept.add(created);
      }
    }
    for (const claim of existing) if (!kept.has(claim)) this.em.remove(claim);
    this.summary.claims = this.pendingClaims.length;
    await this.flush();
  }
}
