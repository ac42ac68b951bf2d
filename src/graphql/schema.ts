import { GraphQLSchema, lexicographicSortSchema } from 'graphql';
import { buildSchema, NonEmptyArray } from 'type-graphql';
import { ContactResolver } from '../modules/contact/contact.resolver';
import { AuditResolver, BestPracticeHistoryResolver, OutputHistoryResolver } from '../modules/audit/audit.resolver';
import { AccountResolver, ApiTokenResolver } from '../modules/auth/auth.resolver';
import { DocumentMutationResolver } from '../modules/document/document.mutations';
import { OutputMutationResolver } from '../modules/output/output.mutations';
import { BestPracticeMutationResolver } from '../modules/practice/practice.mutations';
import { CountryResolver } from '../modules/country/country.resolver';
import { DocumentResolver } from '../modules/document/document.resolver';
import { EventResolver } from '../modules/event/event.resolver';
import { NodeResolver } from '../modules/node/node.resolver';
import { OrganisationResolver } from '../modules/organisation/organisation.resolver';
import { OutputResolver } from '../modules/output/output.resolver';
import { PolicyResolver } from '../modules/policy/policy.resolver';
import { BestPracticeResolver } from '../modules/practice/practice.resolver';
import { CallResolver, ProgrammeEligibilityResolver, ProgrammeResolver } from '../modules/programme/programme.resolver';
import { ParticipationResolver, ProjectLinkResolver, ProjectResolver } from '../modules/project/project.resolver';
import { ClaimResolver } from '../modules/provenance/claim.resolver';
import { claimsResolverFor } from '../modules/provenance/claims.resolver';
import { SearchResolver } from '../modules/search/search.resolver';
import { statsResolvers } from '../modules/stats/stats.resolver';
import { SectorResolver, ThemeResolver } from '../modules/vocabulary/vocabulary.resolver';
import { Contact } from '../modules/contact/contact.entity';
import { Event } from '../modules/event/event.entity';
import { Organisation } from '../modules/organisation/organisation.entity';
import { Output } from '../modules/output/output.entity';
import { Policy } from '../modules/policy/policy.entity';
import { BestPractice } from '../modules/practice/practice.entity';
import { Call, Programme, ProgrammeEligibility } from '../modules/programme/programme.entity';
import { Participation, Project, ProjectLink } from '../modules/project/project.entity';
import { Sector, Theme } from '../modules/vocabulary/vocabulary.entity';

/** Records whose facts carry provenance get `claims(field:)`. */
const sourcedTypes = [Programme, ProgrammeEligibility, Call, Project, Participation, ProjectLink, Organisation, Output, BestPractice, Policy, Event, Contact, Theme, Sector];

const resolvers = [
  NodeResolver,
  CountryResolver,
  ThemeResolver,
  SectorResolver,
  ProgrammeResolver,
  ProgrammeEligibilityResolver,
  CallResolver,
  ProjectResolver,
  ParticipationResolver,
  ProjectLinkResolver,
  OrganisationResolver,
  OutputResolver,
  BestPracticeResolver,
  PolicyResolver,
  DocumentResolver,
  EventResolver,
  ContactResolver,
  ClaimResolver,
  SearchResolver,
  ...sourcedTypes.map(claimsResolverFor),
  ...statsResolvers,
  OutputMutationResolver,
  BestPracticeMutationResolver,
  DocumentMutationResolver,
  AccountResolver,
  ApiTokenResolver,
  AuditResolver,
  OutputHistoryResolver,
  BestPracticeHistoryResolver,
] as unknown as NonEmptyArray<Function>;

let built: Promise<GraphQLSchema> | undefined;

/** The schema is built once per process; type-graphql metadata is global. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({ resolvers, validate: false }).then(lexicographicSortSchema);
  return built;
}
