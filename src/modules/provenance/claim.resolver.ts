import type { FilterQuery } from '@mikro-orm/core';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection';
import { findConnection } from '../../db/paginate';
import { loadTyped } from '../node/node.loaders';
import type { Context } from '../../graphql/context';
import { Node } from '../../graphql/node';
import { Document } from '../document/document.entity';
import { Claim, ClaimOrigin } from './claim.entity';

const ClaimConnection = connectionType(Claim, 'Claim');

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: 'Claims, optionally those quoting one document, about one type of record, or from one process.' })
  async claims(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('document', () => ID, { nullable: true }) document?: string,
    @Arg('subjectType', () => String, { nullable: true, description: 'e.g. "Project"' }) subjectType?: string,
    @Arg('origin', () => ClaimOrigin, { nullable: true }) origin?: ClaimOrigin,
  ) {
    const where: FilterQuery<Claim>[] = [];
    if (document) where.push({ document: (await loadTyped<Document>(ctx.loaders, document, 'Document', 'document'))?.id ?? 0 });
    if (subjectType) where.push({ subjectType });
    if (origin) where.push({ origin });
    // Claims quoting personal data follow the data's own visibility.
    if (!ctx.viewer) where.push({ $not: { subjectType: 'Contact', field: { $in: ['email', 'phone'] } } });
    return findConnection(ctx.em, Claim, where.length ? { $and: where } : {}, [{ id: 'asc' }], page);
  }

  @Query(() => Claim, { nullable: true })
  claim(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Claim | null> {
    return loadTyped(ctx.loaders, id, 'Claim');
  }

  @FieldResolver(() => Document, { nullable: true, description: 'The document the quote comes from.' })
  document(@Root() claim: Claim, @Ctx() ctx: Context): Promise<Document | null> | null {
    return claim.document ? ctx.loaders.documentById.load(claim.document.id) : null;
  }

  @FieldResolver(() => Node, { nullable: true, description: 'The record the claim is about.' })
  subject(@Root() claim: Claim, @Ctx() ctx: Context): Promise<object | null> {
    return ctx.loaders.node.load(`${claim.subjectType}:${claim.subjectId}`);
  }
}
