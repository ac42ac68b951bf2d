import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, childrenLoader, throughPivotLoader } from '../../db/loaders';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { Participation, Project, ProjectLink, ProjectSector, ProjectTheme } from './project.entity';

export function projectLoaders(em: EntityManager) {
  return {
    projectById: byKeyLoader(em, Project),
    participationsByProject: childrenLoader(em, Participation, 'project', { orderBy: { id: 'asc' } }),
    participationsByOrganisation: childrenLoader(em, Participation, 'organisation', { orderBy: { id: 'asc' } }),
    linksByProject: childrenLoader(em, ProjectLink, 'project', { orderBy: { id: 'asc' } }),
    themesByProject: throughPivotLoader<ProjectTheme, Theme>(em, ProjectTheme, 'project', 'theme'),
    sectorsByProject: throughPivotLoader<ProjectSector, Sector>(em, ProjectSector, 'project', 'sector'),
  };
}
