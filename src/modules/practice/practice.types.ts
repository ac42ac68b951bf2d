import { connectionType } from '../../graphql/connection';
import { BestPractice } from './practice.entity';

export const BestPracticeConnection = connectionType(BestPractice, 'BestPractice');
