import type { EntityManager } from '@mikro-orm/postgresql';
import { childrenLoader, throughPivotLoader } from '../../db/loaders';
import { Theme } from '../vocabulary/vocabulary.entity';
import { PolicyProject, PolicyTheme } from './policy.entity';

export function policyLoaders(em: EntityManager) {
  return {
    policyLinksByProject: childrenLoader(em, PolicyProject, 'project', { populate: ['policy'] as never }),
    projectLinksByPolicy: childrenLoader(em, PolicyProject, 'policy'),
    themesByPolicy: throughPivotLoader<PolicyTheme, Theme>(em, PolicyTheme, 'policy', 'theme'),
  };
}
