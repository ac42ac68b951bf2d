import { connectionType } from '../../graphql/connection';
import { Call, Programme } from './programme.entity';

export const ProgrammeConnection = connectionType(Programme, 'Programme');
export const CallConnection = connectionType(Call, 'Call');
