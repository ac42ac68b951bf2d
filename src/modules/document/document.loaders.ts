import type { EntityManager } from '@mikro-orm/postgresql';
import { byKeyLoader, throughPivotLoader } from '../../db/loaders';
import { Organisation } from '../organisation/organisation.entity';
import { Programme } from '../programme/programme.entity';
import { Project } from '../project/project.entity';
import { Document, DocumentOrganisation, DocumentProgramme, DocumentProject } from './document.entity';

export function documentLoaders(em: EntityManager) {
  return {
    documentById: byKeyLoader(em, Document),
    documentsByProject: throughPivotLoader<DocumentProject, Document>(em, DocumentProject, 'project', 'document'),
    projectsByDocument: throughPivotLoader<DocumentProject, Project>(em, DocumentProject, 'document', 'project'),
    programmesByDocument: throughPivotLoader<DocumentProgramme, Programme>(em, DocumentProgramme, 'document', 'programme'),
    organisationsByDocument: throughPivotLoader<DocumentOrganisation, Organisation>(
      em,
      DocumentOrganisation,
      'document',
      'organisation',
    ),
  };
}
