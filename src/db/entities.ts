import { Contact } from '../modules/contact/contact.entity';
import { Country } from '../modules/country/country.entity';
import { Document, DocumentOrganisation, DocumentProgramme, DocumentProject } from '../modules/document/document.entity';
import { Event } from '../modules/event/event.entity';
import { Organisation } from '../modules/organisation/organisation.entity';
import { Output, OutputProducer } from '../modules/output/output.entity';
import { Policy, PolicyProject, PolicyTheme } from '../modules/policy/policy.entity';
import { BestPractice, BestPracticeTheme } from '../modules/practice/practice.entity';
import { Call, Programme, ProgrammeEligibility } from '../modules/programme/programme.entity';
import { Participation, Project, ProjectLink, ProjectSector, ProjectTheme } from '../modules/project/project.entity';
import { Claim } from '../modules/provenance/claim.entity';
import { ExternalId } from '../modules/provenance/external-id.entity';
import { Sector, Theme } from '../modules/vocabulary/vocabulary.entity';
import { SearchOutbox } from '../search/outbox.entity';
import { Account, ApiToken, IdempotencyRecord } from '../modules/auth/auth.entity';
import { AuditEntry } from '../modules/audit/audit.entity';
import { ImportRun } from '../import/import-run.entity';
import { BaseEntity } from './base.entity';
import { Money } from '../graphql/values';

/** Every persisted class, in one list, so the ORM, the migrations and the tests see the same model. */
export const entities = [
  BaseEntity,
  Money,
  Country,
  Theme,
  Sector,
  Programme,
  ProgrammeEligibility,
  Call,
  Organisation,
  Project,
  ProjectTheme,
  ProjectSector,
  Participation,
  ProjectLink,
  Output,
  OutputProducer,
  BestPractice,
  BestPracticeTheme,
  Policy,
  PolicyProject,
  PolicyTheme,
  Document,
  DocumentProject,
  DocumentProgramme,
  DocumentOrganisation,
  Claim,
  ExternalId,
  Event,
  Contact,
  SearchOutbox,
  Account,
  ApiToken,
  IdempotencyRecord,
  AuditEntry,
  ImportRun,
];
