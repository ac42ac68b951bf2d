import { connectionType } from '../../graphql/connection';
import { Programme } from './programme.entity';

export const ProgrammeConnection = connectionType(Programme, 'Programme');
