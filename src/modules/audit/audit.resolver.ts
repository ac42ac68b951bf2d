import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { Context } from '../../graphql/context';
import { connectionType, PageArgs } from '../../graphql/connection';
import { badInput, codedError } from '../../graphql/errors';
import { decodeGlobalId, encodeGlobalId } from '../../graphql/global-id';
import { findConnection } from '../../db/paginate';
import { Account } from '../auth/auth.entity';
import { isEditor, requireEditor, requireViewer } from '../auth/permissions';
import { Output } from '../output/output.entity';
import { BestPractice } from '../practice/practice.entity';
import { AuditEntry } from './audit.entity';

@ObjectType({ description: 'One changed field of an audited write.' })
export class FieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => JSONResolver, { nullable: true })
  before!: unknown;

  @Field(() => JSONResolver, { nullable: true })
  after!: unknown;
}

@ObjectType('AuditEntry', { description: 'One write: who, when, what, and each changed field before and after.' })
export class AuditEntryType {
  @Field(() => ID, { name: 'id' })
  key!: string;

  @Field(() => String, { description: 'The mutation, e.g. "publishOutput".' })
  action!: string;

  @Field(() => String)
  entityType!: string;

  @Field(() => ID, { description: 'Global id of the record written.' })
  entityId!: string;

  @Field(() => Account, { nullable: true, description: 'Who wrote it; null for system writes (imports, seeds).' })
  account!: Account | null;

  @Field(() => [FieldChange])
  changes!: FieldChange[];

  @Field(() => String, { nullable: true, description: 'Request id, as in the server logs.' })
  requestId!: string | null;

  @Field(() => DateTimeResolver)
  createdAt!: Date;
}

const AuditEntryConnection = connectionType(AuditEntryType, 'AuditEntry');

@InputType()
export class AuditEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Global id of a record: its history.' })
  entityId?: string | null;

  @Field(() => String, { nullable: true })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of the account that wrote.' })
  accountId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;
}

async function present(ctx: Context, entries: AuditEntry[]): Promise<AuditEntryType[]> {
  const accountIds = [...new Set(entries.map((e) => e.accountId).filter((id): id is number => !!id))];
  const accounts = accountIds.length ? await ctx.em.find(Account, { id: { $in: accountIds } }) : [];
  return entries.map((e) => ({
    key: String(e.id),
    action: e.action,
    entityType: e.entityType,
    entityId: encodeGlobalId(e.entityType, e.entityId),
    account: accounts.find((a) => a.id === e.accountId) ?? null,
    changes: Object.entries(e.changes ?? {}).map(([field, c]) => ({ field, before: c.before, after: c.after })),
    requestId: e.requestId ?? null,
    createdAt: e.createdAt,
  }));
}

/** The audit trail: editors query all of it; a record's `history` is for editors and its own organisation. */
@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'Editors: every audited write, newest first.' })
  async auditEntries(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => AuditEntryFilter, { nullable: true }) filter?: AuditEntryFilter,
  ) {
    requireEditor(ctx);
    const where: Record<string, unknown> = {};
    if (filter?.entityId) {
      const { typeName, localId } = decodeGlobalId(filter.entityId, 'filter.entityId');
      Object.assign(where, { entityType: typeName, entityId: localId });
    }
    if (filter?.entityType) where.entityType = filter.entityType.slice(0, 40);
    if (filter?.action) where.action = filter.action.slice(0, 80);
    if (filter?.accountId) {
      const { typeName, localId } = decodeGlobalId(filter.accountId, 'filter.accountId');
      if (typeName !== 'Account') throw badInput('filter.accountId', 'expected an Account id');
      where.accountId = localId;
    }
    const connection = await findConnection(ctx.em, AuditEntry, where, [{ createdAt: 'desc', id: 'desc' }], page);
    const nodes = await present(ctx, connection.nodes);
    return { ...connection, nodes, edges: connection.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })) };
  }
}

async function history(ctx: Context, typeName: string, item: { id: number; submittedBy?: { id: number } | null }): Promise<AuditEntryType[]> {
  const viewer = requireViewer(ctx);
  if (!isEditor(viewer) && !(viewer.organisationId && item.submittedBy?.id === viewer.organisationId)) {
    throw codedError('FORBIDDEN', 'the history is visible to editors and the organisation that registered it');
  }
  const entries = await ctx.em.find(AuditEntry, { entityType: typeName, entityId: item.id }, { orderBy: { id: 'asc' }, limit: 500 });
  return present(ctx, entries);
}

@Resolver(() => Output)
export class OutputHistoryResolver {
  @FieldResolver(() => [AuditEntryType], { description: 'Every audited change, oldest first. Editors and the registering organisation only.' })
  history(@Root() output: Output, @Ctx() ctx: Context): Promise<AuditEntryType[]> {
    return history(ctx, 'Output', output);
  }
}

@Resolver(() => BestPractice)
export class BestPracticeHistoryResolver {
  @FieldResolver(() => [AuditEntryType], { description: 'Every audited change, oldest first. Editors and the registering organisation only.' })
  history(@Root() practice: BestPractice, @Ctx() ctx: Context): Promise<AuditEntryType[]> {
    return history(ctx, 'BestPractice', practice);
  }
}
