import { Arg, ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Claim } from './claim.entity';

/**
 * Adds `claims(field:)` to a type: where each of its facts comes from. One resolver class per type,
 * all sharing the batched claimsBySubject loader.
 */
export function claimsResolverFor(type: ClassType<{ id: number }>): ClassType {
  @Resolver(() => type)
  class ClaimsResolver {
    @FieldResolver(() => [Claim], { description: 'Sources of this record\'s facts, optionally for one field.' })
    async claims(
      @Root() record: { id: number },
      @Ctx() ctx: Context,
      @Arg('field', () => String, { nullable: true }) field?: string | null,
    ): Promise<Claim[]> {
      const claims = await ctx.loaders.claimsBySubject.load(`${type.name}:${record.id}`);
      return field ? claims.filter((claim) => claim.field === field) : claims;
    }
  }
  return ClaimsResolver;
}
