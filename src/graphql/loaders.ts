import type { EntityManager } from '@mikro-orm/postgresql';
import { contactLoaders } from '../modules/contact/contact.loaders';
import { countryLoaders } from '../modules/country/country.loaders';
import { documentLoaders } from '../modules/document/document.loaders';
import { eventLoaders } from '../modules/event/event.loaders';
import { organisationLoaders } from '../modules/organisation/organisation.loaders';
import { outputLoaders } from '../modules/output/output.loaders';
import { policyLoaders } from '../modules/policy/policy.loaders';
import { practiceLoaders } from '../modules/practice/practice.loaders';
import { programmeLoaders } from '../modules/programme/programme.loaders';
import { projectLoaders } from '../modules/project/project.loaders';
import { nodeLoaders } from '../modules/node/node.loaders';
import { statsLoaders } from '../modules/stats/stats.loaders';
import { claimLoaders } from '../modules/provenance/claim.loaders';
import { vocabularyLoaders } from '../modules/vocabulary/vocabulary.loaders';
import type { Viewer } from './context';

/** Every per-request DataLoader, gathered from the modules that own them. */
export function createLoaders(em: EntityManager, viewer: Viewer | null) {
  const countries = countryLoaders(em);
  return {
    ...countries,
    ...statsLoaders(em, countries.countryByCode),
    ...vocabularyLoaders(em),
    ...programmeLoaders(em),
    ...projectLoaders(em),
    ...organisationLoaders(em),
    ...outputLoaders(em, viewer),
    ...practiceLoaders(em, viewer),
    ...policyLoaders(em),
    ...documentLoaders(em),
    ...claimLoaders(em),
    ...eventLoaders(em),
    ...contactLoaders(em),
    ...nodeLoaders(em, viewer),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
