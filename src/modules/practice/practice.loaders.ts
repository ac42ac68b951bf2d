import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context';
import { childCountLoader, childrenLoader, pagedChildrenLoader, throughPivotLoader } from '../../db/loaders';
import { visibleSql, visibleWhere } from '../output/output.visibility';
import { Theme } from '../vocabulary/vocabulary.entity';
import { BestPractice, BestPracticeTheme } from './practice.entity';

export function practiceLoaders(em: EntityManager, viewer: Viewer | null) {
  // Visibility applies to nested lists too (the SQL inlines only enum values and an integer id).
  const byTheme = `select b.*, bt.theme_id as __parent from best_practice b join best_practice_theme bt on bt.best_practice_id = b.id
    where bt.theme_id in (:parents) and ${visibleSql(viewer, 'b')}`;
  const bySector = `select b.*, b.sector_id as __parent from best_practice b where b.sector_id in (:parents) and ${visibleSql(viewer, 'b')}`;
  return {
    bestPracticesByTheme: { page: pagedChildrenLoader(em, BestPractice, byTheme, 's.id'), count: childCountLoader(em, byTheme) },
    bestPracticesBySector: { page: pagedChildrenLoader(em, BestPractice, bySector, 's.id'), count: childCountLoader(em, bySector) },
    bestPracticesByProject: childrenLoader(em, BestPractice, 'project', {
      where: visibleWhere(viewer),
      orderBy: { id: 'asc' },
    }),
    themesByBestPractice: throughPivotLoader<BestPracticeTheme, Theme>(em, BestPracticeTheme, 'bestPractice', 'theme'),
  };
}
