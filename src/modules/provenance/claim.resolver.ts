import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { loadTyped } from '../node/node.loaders';
import type { Context } from '../../graphql/context';
import { Node } from '../../graphql/node';
import { Document } from '../document/document.entity';
import { Claim } from './claim.entity';

@Resolver(() => Claim)
export class ClaimResolver {
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
