import { connectionType } from '../../graphql/connection';
import { Output } from './output.entity';

export const OutputConnection = connectionType(Output, 'Output');
