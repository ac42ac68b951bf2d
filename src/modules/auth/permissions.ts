import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context, Viewer } from '../../graphql/context';
import { codedError, notFound } from '../../graphql/errors';
import { Participation } from '../project/project.entity';
import { ContributionStatus } from '../output/output.entity';
import { isVisible, seesEverything } from '../output/output.visibility';

/**
 * Who may do what:
 * - anonymous: reads published data; every write → UNAUTHENTICATED;
 * - PARTNER: registers outputs, practices and documents for projects its organisation takes part
 *   in; updates, submits and withdraws its organisation's own items; never publishes or rejects;
 * - EDITOR: every content write, including publish and reject, on any project;
 * - ADMIN: everything an editor may, plus accounts and tokens.
 * A record the viewer cannot see answers NOT_FOUND; one it can see but not change, FORBIDDEN.
 */
export function requireViewer(ctx: Pick<Context, 'viewer'>): Viewer {
  if (!ctx.viewer) throw codedError('UNAUTHENTICATED', 'sign in with an API token (Authorization: Bearer …) to do this');
  return ctx.viewer;
}

export function isEditor(viewer: Viewer | null): boolean {
  return seesEverything(viewer);
}

export function requireEditor(ctx: Pick<Context, 'viewer'>): Viewer {
  const viewer = requireViewer(ctx);
  if (!isEditor(viewer)) throw codedError('FORBIDDEN', 'only editors may do this');
  return viewer;
}

export function requireAdmin(ctx: Pick<Context, 'viewer'>): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.role !== 'ADMIN') throw codedError('FORBIDDEN', 'only admins may do this');
  return viewer;
}

export async function takesPart(em: EntityManager, organisationId: number, projectId: number): Promise<boolean> {
  return (await em.count(Participation, { organisation: organisationId, project: projectId })) > 0;
}

/** Editors write on any project; a partner only on projects its organisation takes part in. */
export async function assertCanWriteProject(em: EntityManager, viewer: Viewer, projectId: number): Promise<void> {
  if (isEditor(viewer)) return;
  if (viewer.role === 'PARTNER' && viewer.organisationId && (await takesPart(em, viewer.organisationId, projectId))) return;
  throw codedError('FORBIDDEN', 'your organisation does not take part in this project');
}

export interface Contribution {
  id: number;
  version: number;
  status: ContributionStatus;
  submittedBy?: { id: number } | null;
  project: { id: number };
}

/** The item as the viewer may see it, else NOT_FOUND (hidden drafts are not revealed). */
export function assertVisible<T extends Contribution>(viewer: Viewer, item: T | null, typeName: string): T {
  if (!item || !isVisible(viewer, item)) throw notFound(`no ${typeName} with this id`);
  return item;
}

/** Editors change any item; a partner only its own organisation's, on a project it still takes part in. */
export async function assertCanChange(em: EntityManager, viewer: Viewer, item: Contribution): Promise<void> {
  if (isEditor(viewer)) return;
  const own = viewer.role === 'PARTNER' && !!viewer.organisationId && item.submittedBy?.id === viewer.organisationId;
  if (!own || !(await takesPart(em, viewer.organisationId!, item.project.id))) {
    throw codedError('FORBIDDEN', 'only its organisation and editors may change this');
  }
}

/** Stale version → CONFLICT before anything changes. */
export function assertVersion(field: string, item: { version: number }, version: number): void {
  if (item.version !== version) {
    throw codedError('CONFLICT', `the record changed since you read it (you sent version ${version}, it is at ${item.version}); reload and retry`, {
      field,
      currentVersion: item.version,
    });
  }
}
