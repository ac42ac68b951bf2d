import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context';
import { childrenLoader, throughPivotLoader } from '../../db/loaders';
import { visibleStatuses } from '../output/output.visibility';
import { Theme } from '../vocabulary/vocabulary.entity';
import { BestPractice, BestPracticeTheme } from './practice.entity';

export function practiceLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    bestPracticesByProject: childrenLoader(em, BestPractice, 'project', {
      where: { status: { $in: visibleStatuses(viewer) } },
      orderBy: { id: 'asc' },
    }),
    themesByBestPractice: throughPivotLoader<BestPracticeTheme, Theme>(em, BestPracticeTheme, 'bestPractice', 'theme'),
  };
}
