import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { PageArgs } from '../../graphql/connection';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { findConnection } from '../../db/paginate';
import { decodeGlobalId } from '../../graphql/global-id';
import { Organisation } from '../organisation/organisation.entity';
import { Project } from '../project/project.entity';
import { Output, OutputType } from './output.entity';
import { OutputConnection } from './output.types';
import { visibleWhere } from './output.visibility';
import { badInput } from '../../graphql/errors';
import { loadTyped } from '../node/node.loaders';

@InputType()
export class OutputFilter {
  @Field(() => [OutputType], { nullable: true })
  types?: OutputType[];

  @Field(() => [ID], { nullable: true, description: 'Project ids.' })
  projects?: string[];
}

@Resolver(() => Output)
export class OutputResolver {
  @Query(() => Output, { nullable: true })
  output(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Output | null> {
    return loadTyped(ctx.loaders, id, 'Output');
  }

  @Query(() => OutputConnection)
  outputs(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => OutputFilter, { nullable: true }) filter?: OutputFilter,
  ) {
    const projectIds = filter?.projects?.map((id, i) => {
      const decoded = decodeGlobalId(id, `filter.projects[${i}]`);
      if (decoded.typeName !== 'Project') throw badInput(`filter.projects[${i}]`, 'not a Project id');
      return decoded.localId;
    });
    return findConnection(
      ctx.em,
      Output,
      {
        ...visibleWhere(ctx.viewer),
        ...(filter?.types?.length ? { type: { $in: filter.types } } : {}),
        ...(projectIds?.length ? { project: { $in: projectIds } } : {}),
      },
      [{ id: 'asc' }],
      page,
    );
  }

  @FieldResolver(() => String)
  title(@Root() output: Output, @Arg('language', () => String, { nullable: true }) language?: string): string {
    return pickText(output.titles, language) ?? '';
  }

  @FieldResolver(() => [LocalizedText])
  titles(@Root() output: Output): LocalizedText[] {
    return toLocalizedTexts(output.titles);
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() output: Output, @Arg('language', () => String, { nullable: true }) language?: string): string | null {
    return pickText(output.descriptions, language);
  }

  @FieldResolver(() => [LocalizedText])
  descriptions(@Root() output: Output): LocalizedText[] {
    return toLocalizedTexts(output.descriptions);
  }

  @FieldResolver(() => Project)
  project(@Root() output: Output, @Ctx() ctx: Context): Promise<Project | null> {
    return ctx.loaders.projectById.load(output.project.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations that produced it, when stated.' })
  producers(@Root() output: Output, @Ctx() ctx: Context): Promise<Organisation[]> {
    return ctx.loaders.producersByOutput.load(output.id);
  }
}
