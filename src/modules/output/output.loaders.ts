import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context';
import { childrenLoader, throughPivotLoader } from '../../db/loaders';
import { Organisation } from '../organisation/organisation.entity';
import { Output, OutputProducer } from './output.entity';
import { visibleWhere } from './output.visibility';

export function outputLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    outputsByProject: childrenLoader(em, Output, 'project', { where: visibleWhere(viewer), orderBy: { id: 'asc' } }),
    producersByOutput: throughPivotLoader<OutputProducer, Organisation>(em, OutputProducer, 'output', 'organisation'),
  };
}
