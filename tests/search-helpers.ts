import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { connectOrm, migrate } from '../src/db/database';
import { ensureReferenceData } from '../src/modules/country/country.service';
import { Organisation, OrganisationType } from '../src/modules/organisation/organisation.entity';
import { Country } from '../src/modules/country/country.entity';
import { ContributionStatus, Output, OutputType } from '../src/modules/output/output.entity';
import { Participation, PartnerRole, Project } from '../src/modules/project/project.entity';
import { startEmbeddedMeili } from '../src/search/meili-server';
import { enqueueSearchUpdate } from '../src/search/outbox';
import { loadSeeds } from '../src/seed/seed.loader';
import { organisationNameKey } from '../src/shared/names';
import { findFreePort } from '../src/shared/net';

export interface TestMeili {
  url: string;
  masterKey: string;
  /** False for an external server (MEILI_URL), which tests cannot stop and restart. */
  embedded: boolean;
  stop(): Promise<void>;
  /** Starts the embedded server again on the same port and data. */
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** MEILI_URL + MEILI_MASTER_KEY when set, else the shipped binary on a temp dir and a fixed port. */
export async function startTestMeili(): Promise<TestMeili> {
  if (process.env.MEILI_URL) {
    const noop = async () => undefined;
    return { url: process.env.MEILI_URL, masterKey: process.env.MEILI_MASTER_KEY ?? '', embedded: false, stop: noop, restart: noop, dispose: noop };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cb-test-meili-'));
  const port = await findFreePort();
  let server = await startEmbeddedMeili({ dataDir, port });
  return {
    url: server.url,
    masterKey: server.masterKey,
    embedded: true,
    stop: () => server.stop(),
    async restart() {
      server = await startEmbeddedMeili({ dataDir, port });
    },
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase {
  orm: MikroORM;
  url: string;
  dispose(): Promise<void>;
}

/**
 * A private, seeded database: a copy of the global setup's template when jest ran it, else one
 * built here on TEST_DATABASE_URL or the machine's PostgreSQL.
 */
export async function createSeededDatabase(): Promise<TestDatabase> {
  const template = process.env.CB_TEST_TEMPLATE;
  const adminUrl = process.env.CB_TEST_ADMIN_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `cb_search_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const orm = await connectOrm(url.toString());
  if (!template) {
    await migrate(orm);
    await ensureReferenceData(orm.em.fork());
    await loadSeeds(orm.em.fork(), path.resolve(__dirname, '..', 'seeds'));
  }
  return {
    orm,
    url: url.toString(),
    async dispose() {
      await orm.close();
      const cleanup = new Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/**
 * Records the seeds lack: a Bulgarian organisation in Cyrillic taking part in CLOUD, and a draft
 * output that must never be searchable. Written through the ORM with their outbox rows.
 */
export async function addSearchFixtures(orm: MikroORM): Promise<{ bulgarianOrgId: number; draftOutputId: number }> {
  return orm.em.fork().transactional(async (em) => {
    const cloud = await em.findOneOrFail(Project, { acronymKey: 'CLOUD' });
    const org = em.create(Organisation, {
      name: 'Клъстер Мехатроника и автоматизация',
      nameLanguage: 'bul',
      nameEn: 'Cluster Mechatronics and Automation',
      nameEnTranslation: true,
      nameKey: organisationNameKey('Клъстер Мехатроника и автоматизация'),
      acronyms: ['КМА'],
      type: OrganisationType.CLUSTER_ORGANISATION,
      country: em.getReference(Country, 'BG'),
      city: 'София',
    });
    em.create(Participation, { project: cloud, organisation: org, role: PartnerRole.PARTNER });
    const draft = em.create(Output, {
      project: cloud,
      type: OutputType.STUDY,
      titles: [{ language: 'eng', text: 'Unpublished zygomorphic cluster draft' }],
      descriptions: [],
      languages: ['eng'],
      status: ContributionStatus.DRAFT,
    });
    await em.flush();
    enqueueSearchUpdate(em, 'Organisation', org.id);
    enqueueSearchUpdate(em, 'Project', cloud.id);
    enqueueSearchUpdate(em, 'Output', draft.id);
    return { bulgarianOrgId: org.id, draftOutputId: draft.id };
  });
}
