import type { Viewer } from '../../graphql/context';
import { ContributionStatus } from './output.entity';

/**
 * Partner contributions are public once published; editors and admins see every state.
 * (Per-organisation visibility of drafts arrives with partner accounts.)
 */
export function visibleStatuses(viewer: Viewer | null): ContributionStatus[] {
  if (viewer && (viewer.role === 'EDITOR' || viewer.role === 'ADMIN')) return Object.values(ContributionStatus);
  return [ContributionStatus.PUBLISHED];
}
