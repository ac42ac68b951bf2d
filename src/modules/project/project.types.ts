import { connectionType } from '../../graphql/connection';
import { Project } from './project.entity';

export const ProjectConnection = connectionType(Project, 'Project');
