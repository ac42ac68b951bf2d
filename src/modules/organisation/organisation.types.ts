import { connectionType } from '../../graphql/connection';
import { Organisation } from './organisation.entity';

export const OrganisationConnection = connectionType(Organisation, 'Organisation');
