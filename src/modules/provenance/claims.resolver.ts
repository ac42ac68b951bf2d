import { Arg, ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Claim } from './claim.entity';

/** Claims about personal data follow the data's own rule: signed-in accounts only. */
const PERSONAL_FIELDS = new Set(['Contact.email', 'Contact.phone']);

/**
 * Adds `claims(field:)` to a type: where each of its facts comes from. One resolver class per type,
 * all sharing the batched claimsBySubject loader.
 */
export function claimsResolverFor(type: ClassType<{ id: number }>): ClassType {
  @Resolver(() => type)
  class ClaimsResolver {
    @FieldResolver(() => [Claim], { description: 'Sources of this record\'s facts, optionally for one field (and its parts, e.g. "workPackages").' })
    async claims(
      @Root() record: { id: number },
      @Ctx() ctx: Context,
      @Arg('field', () => String, { nullable: true }) field?: string | null,
    ): Promise<Claim[]> {
      const claims = (await ctx.loaders.claimsBySubject.load(`${type.name}:${record.id}`)).filter(
        (claim) => ctx.viewer || !PERSONAL_FIELDS.has(`${claim.subjectType}.${claim.field}`),
      );
      return field ? claims.filter((claim) => claim.field === field || claim.field.startsWith(`${field}.`)) : claims;
    }
  }
  return ClaimsResolver;
}
