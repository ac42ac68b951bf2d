import type { Viewer } from '../../graphql/context';
import { ContributionStatus } from './output.entity';

/**
 * Who sees partner contributions (outputs, best practices), in one place:
 * - everyone sees PUBLISHED items;
 * - a partner also sees every item its own organisation registered (drafts, submitted, rejected);
 * - editors and admins see every state.
 * Public counts and aggregates only ever count published items.
 */
export function seesEverything(viewer: Viewer | null): boolean {
  return !!viewer && (viewer.role === 'EDITOR' || viewer.role === 'ADMIN');
}

/** Statuses visible regardless of who registered the item. */
export function visibleStatuses(viewer: Viewer | null): ContributionStatus[] {
  if (seesEverything(viewer)) return Object.values(ContributionStatus);
  return [ContributionStatus.PUBLISHED];
}

/** MikroORM condition selecting the contributions `viewer` may see; spread it into a `where`. */
export function visibleWhere(viewer: Viewer | null): Record<string, unknown> {
  if (seesEverything(viewer)) return {};
  if (viewer?.role === 'PARTNER' && viewer.organisationId) {
    return { $or: [{ status: ContributionStatus.PUBLISHED }, { submittedBy: viewer.organisationId }] };
  }
  return { status: ContributionStatus.PUBLISHED };
}

/** The same rule as SQL on a row alias (`b` → `b.status`, `b.submitted_by_id`); values are inlined integers/enums only. */
export function visibleSql(viewer: Viewer | null, alias: string): string {
  if (seesEverything(viewer)) return 'true';
  if (viewer?.role === 'PARTNER' && viewer.organisationId) {
    return `(${alias}.status = 'PUBLISHED' or ${alias}.submitted_by_id = ${Math.trunc(viewer.organisationId)})`;
  }
  return `${alias}.status = 'PUBLISHED'`;
}

/**
 * The same rule as a Meilisearch filter clause over `restrictedTo`, which only unpublished
 * contributions carry (["org:<registering organisation>"], or [] for curated ones); null: no clause.
 */
export function visibleSearchFilter(viewer: Viewer | null): string | null {
  if (seesEverything(viewer)) return null;
  if (viewer?.role === 'PARTNER' && viewer.organisationId) {
    return `(restrictedTo NOT EXISTS OR restrictedTo = "org:${Math.trunc(viewer.organisationId)}")`;
  }
  return 'restrictedTo NOT EXISTS';
}

/** The same rule for one loaded item. */
export function isVisible(
  viewer: Viewer | null,
  item: { status: ContributionStatus; submittedBy?: { id: number } | null },
): boolean {
  if (seesEverything(viewer) || item.status === ContributionStatus.PUBLISHED) return true;
  return viewer?.role === 'PARTNER' && !!viewer.organisationId && item.submittedBy?.id === viewer.organisationId;
}
