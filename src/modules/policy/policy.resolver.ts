import { Arg, Args, Ctx, Field, ID, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { connectionType, PageArgs } from '../../graphql/connection';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { findConnection } from '../../db/paginate';
import { Project } from '../project/project.entity';
import { Theme } from '../vocabulary/vocabulary.entity';
import { loadTyped } from '../node/node.loaders';
import { Policy, PolicyRelation } from './policy.entity';

const PolicyConnection = connectionType(Policy, 'Policy');

@ObjectType({ description: 'A project and what it did with the policy.' })
class ProjectOfPolicy {
  @Field(() => Project)
  project!: Project;

  @Field(() => PolicyRelation)
  relation!: PolicyRelation;
}

@Resolver(() => Policy)
export class PolicyResolver {
  @Query(() => PolicyConnection)
  policies(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return findConnection(ctx.em, Policy, {}, [{ id: 'asc' }], page);
  }

  @Query(() => Policy, { nullable: true })
  policy(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Policy | null> {
    return loadTyped(ctx.loaders, id, 'Policy');
  }

  @FieldResolver(() => String)
  name(@Root() policy: Policy, @Arg('language', () => String, { nullable: true }) language?: string): string {
    return pickText(policy.names, language) ?? '';
  }

  @FieldResolver(() => [LocalizedText])
  names(@Root() policy: Policy): LocalizedText[] {
    return toLocalizedTexts(policy.names);
  }

  @FieldResolver(() => [LocalizedText])
  descriptions(@Root() policy: Policy): LocalizedText[] {
    return toLocalizedTexts(policy.descriptions);
  }

  @FieldResolver(() => [Theme])
  themes(@Root() policy: Policy, @Ctx() ctx: Context): Promise<Theme[]> {
    return ctx.loaders.themesByPolicy.load(policy.id);
  }

  @FieldResolver(() => [ProjectOfPolicy])
  async projects(@Root() policy: Policy, @Ctx() ctx: Context): Promise<ProjectOfPolicy[]> {
    const links = await ctx.loaders.projectLinksByPolicy.load(policy.id);
    const projects = await ctx.loaders.projectById.loadMany(links.map((l) => l.project.id));
    return links.flatMap((link, i) => {
      const project = projects[i];
      return project instanceof Project ? [{ project, relation: link.relation }] : [];
    });
  }
}
