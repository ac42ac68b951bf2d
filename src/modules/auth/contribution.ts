import type { EntityClass } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Context, Viewer } from '../../graphql/context';
import { badInput, codedError } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import { recordWrite, diff } from '../audit/audit.service';
import { ContributionStatus } from '../output/output.entity';
import { Organisation } from '../organisation/organisation.entity';
import { Project } from '../project/project.entity';
import { MutationInput, MutationOutcome, userError } from './mutation';
import { assertCanChange, assertCanWriteProject, assertVersion, assertVisible, Contribution, isEditor } from './permissions';
import { LIMITS, text } from './validation';

/** Moderation of partner contributions (outputs, best practices): DRAFT → SUBMITTED → PUBLISHED / REJECTED. */
export type Transition = 'submit' | 'publish' | 'reject' | 'withdraw';

const FROM: Record<Transition, ContributionStatus[]> = {
  submit: [ContributionStatus.DRAFT, ContributionStatus.REJECTED],
  publish: [ContributionStatus.SUBMITTED],
  reject: [ContributionStatus.SUBMITTED],
  withdraw: [ContributionStatus.SUBMITTED, ContributionStatus.PUBLISHED],
};
const TO: Record<Transition, ContributionStatus> = {
  submit: ContributionStatus.SUBMITTED,
  publish: ContributionStatus.PUBLISHED,
  reject: ContributionStatus.REJECTED,
  withdraw: ContributionStatus.DRAFT,
};

@InputType()
export abstract class TransitionInput extends MutationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and changes nothing.' })
  version!: number;
}

export interface ContributionEntity extends Contribution {
  rejectionReason?: string | null;
  submittedBy?: Organisation | null;
  project: Project;
}

export function localId(field: string, id: string, typeName: string): number {
  const decoded = decodeGlobalId(id, field);
  if (decoded.typeName !== typeName) throw badInput(field, `expected a ${typeName} id`);
  return decoded.localId;
}

/** The project a new contribution belongs to; NOT_FOUND when unknown, FORBIDDEN when the partner is not in it. */
export async function writableProject(em: EntityManager, viewer: Viewer, projectId: string): Promise<Project> {
  const project = await em.findOne(Project, { id: localId('input.projectId', projectId, 'Project') });
  if (!project) throw codedError('NOT_FOUND', 'no Project with this id', { field: 'input.projectId' });
  await assertCanWriteProject(em, viewer, project.id);
  return project;
}

/** Loads an item to change: visible (else NOT_FOUND), changeable by the viewer (else FORBIDDEN), at the sent version (else CONFLICT). */
export async function changeable<T extends ContributionEntity>(
  em: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  typeName: string,
  input: { id: string; version: number },
  editorsOnly = false,
): Promise<T> {
  const item = assertVisible(viewer, await em.findOne(entity, { id: localId('input.id', input.id, typeName) } as never), typeName) as T;
  if (editorsOnly && !isEditor(viewer)) throw codedError('FORBIDDEN', 'only editors may do this');
  await assertCanChange(em, viewer, item);
  assertVersion('input.version', item, input.version);
  return item;
}

/** One moderation step, audited; a step the current status does not allow is a userError (INVALID_STATE). */
export async function transition<T extends ContributionEntity>(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  entity: EntityClass<T>,
  typeName: string,
  step: Transition,
  input: { id: string; version: number; reason?: string },
): Promise<MutationOutcome> {
  const item = await changeable(em, viewer, entity, typeName, input, step === 'publish' || step === 'reject');
  const reason = step === 'reject' ? text('input.reason', input.reason ?? '', LIMITS.reason) : undefined;
  if (!FROM[step].includes(item.status)) {
    return userError(
      'INVALID_STATE',
      `cannot ${step} ${typeName} in status ${item.status}; allowed from ${FROM[step].join(' or ')}`,
      'status',
    );
  }
  const before = { status: item.status, rejectionReason: item.rejectionReason ?? null };
  item.status = TO[step];
  item.rejectionReason = step === 'reject' ? reason : null;
  await em.flush();
  recordWrite(em, ctx, {
    action: `${step}${typeName}`,
    entityType: typeName,
    entityId: item.id,
    changes: diff(before, { status: item.status, rejectionReason: item.rejectionReason ?? null }),
  });
  return { id: item.id, userErrors: [] };
}

/** Partners edit only drafts and rejected items (withdraw a submitted or published one first); editors edit any. */
export function editableByViewer(viewer: Viewer, item: ContributionEntity, typeName: string): MutationOutcome | null {
  if (isEditor(viewer) || item.status === ContributionStatus.DRAFT || item.status === ContributionStatus.REJECTED) return null;
  return userError('INVALID_STATE', `a ${item.status.toLowerCase()} ${typeName} cannot be edited; withdraw it first`, 'status');
}

/** The organisations behind ids (each must exist). */
export async function organisationsByIds(em: EntityManager, field: string, ids: string[] | null | undefined, max: number): Promise<Organisation[]> {
  const list = ids ?? [];
  if (list.length > max) throw badInput(field, `at most ${max} organisations`);
  const local = [...new Set(list.map((id, i) => localId(`${field}[${i}]`, id, 'Organisation')))];
  const found = local.length ? await em.find(Organisation, { id: { $in: local } }) : [];
  const missing = local.find((id) => !found.some((o) => o.id === id));
  if (missing !== undefined) throw badInput(`${field}[${local.indexOf(missing)}]`, 'no Organisation with this id');
  return local.map((id) => found.find((o) => o.id === id)!);
}
