import { Arg, Args, Ctx, ID, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { connectionType, PageArgs } from '../../graphql/connection';
import { findConnection } from '../../db/paginate';
import { Project } from '../project/project.entity';
import { loadTyped } from '../node/node.loaders';
import { Event } from './event.entity';

const EventConnection = connectionType(Event, 'Event');

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, { description: 'Events, most recent first.' })
  events(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return findConnection(ctx.em, Event, {}, [{ date: 'desc nulls last', id: 'asc' } as never], page);
  }

  @Query(() => Event, { nullable: true })
  event(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Event | null> {
    return loadTyped(ctx.loaders, id, 'Event');
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() event: Event, @Ctx() ctx: Context): Promise<Project | null> | null {
    return event.project ? ctx.loaders.projectById.load(event.project.id) : null;
  }
}
