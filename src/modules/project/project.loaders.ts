import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, childCountLoader, childrenLoader, pagedChildrenLoader, throughPivotLoader } from '../../db/loaders';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { relatedSignalsLoader } from './project.related';
import { Participation, Project, ProjectLink, ProjectSector, ProjectTheme } from './project.entity';

/** Projects grouped by a parent (`__parent`), for nested connections. */
const PROJECTS_BY = {
  programme: 'select p.*, p.programme_id as __parent from project p where p.programme_id in (:parents)',
  call: 'select p.*, p.call_id as __parent from project p where p.call_id in (:parents)',
  country: `select p.*, c.country_code as __parent from project p join (
      select distinct pa.project_id, o.country_code from participation pa join organisation o on o.id = pa.organisation_id
      where o.country_code in (:parents)) c on c.project_id = p.id`,
  theme: 'select p.*, pt.theme_id as __parent from project p join project_theme pt on pt.project_id = p.id where pt.theme_id in (:parents)',
  sector: 'select p.*, ps.sector_id as __parent from project p join project_sector ps on ps.project_id = p.id where ps.sector_id in (:parents)',
};
const PROJECT_ORDER = 's.acronym_key, s.id';

function projectsBy(em: EntityManager, source: string) {
  return { page: pagedChildrenLoader(em, Project, source, PROJECT_ORDER), count: childCountLoader(em, source) };
}

export function projectLoaders(em: EntityManager) {
  return {
    projectsByProgramme: projectsBy(em, PROJECTS_BY.programme),
    projectsByCall: projectsBy(em, PROJECTS_BY.call),
    projectsByCountry: projectsBy(em, PROJECTS_BY.country),
    projectsByTheme: projectsBy(em, PROJECTS_BY.theme),
    projectsBySector: projectsBy(em, PROJECTS_BY.sector),
    projectById: byKeyLoader(em, Project),
    // Its own loader: sharing projectById would merge or split its batch with other paths
    // depending on which SQL returns first, and the statement count of a page would vary.
    relatedCandidateById: byKeyLoader(em, Project),
    relatedSignals: relatedSignalsLoader(em),
    participationsByProject: childrenLoader(em, Participation, 'project', { orderBy: { id: 'asc' } }),
    participationsByOrganisation: childrenLoader(em, Participation, 'organisation', { orderBy: { id: 'asc' } }),
    linksByProject: childrenLoader(em, ProjectLink, 'project', { orderBy: { id: 'asc' } }),
    themesByProject: throughPivotLoader<ProjectTheme, Theme>(em, ProjectTheme, 'project', 'theme'),
    sectorsByProject: throughPivotLoader<ProjectSector, Sector>(em, ProjectSector, 'project', 'sector'),
  };
}
