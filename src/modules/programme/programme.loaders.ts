import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, childrenLoader } from '../../db/loaders';
import { Call, Programme, ProgrammeEligibility } from './programme.entity';

export function programmeLoaders(em: EntityManager) {
  return {
    programmeById: byKeyLoader(em, Programme),
    callById: byKeyLoader(em, Call),
    callsByProgramme: childrenLoader(em, Call, 'programme', { orderBy: { ordinal: 'asc' } }),
    eligibilityByProgramme: childrenLoader(em, ProgrammeEligibility, 'programme', {
      orderBy: { country: { code: 'asc' } },
    }),
    eligibilityByCountry: childrenLoader(em, ProgrammeEligibility, 'country', { orderBy: { programme: { code: 'asc' } } }),
  };
}
