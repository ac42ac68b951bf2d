import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs } from '../../graphql/connection';
import { findConnection } from '../../db/paginate';
import { loadTyped } from '../node/node.loaders';
import type { Context } from '../../graphql/context';
import { Organisation } from '../organisation/organisation.entity';
import { Project } from '../project/project.entity';
import { Contact } from './contact.entity';

const ContactConnection = connectionType(Contact, 'Contact');

/** Names and roles are public; email and phone are personal data, shown to signed-in accounts only. */
@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, { nullable: true })
  contact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Contact | null> {
    return loadTyped(ctx.loaders, id, 'Contact');
  }

  @Query(() => ContactConnection)
  contacts(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return findConnection(ctx.em, Contact, {}, [{ name: 'asc', id: 'asc' }], page);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for signed-in accounts; null otherwise.' })
  email(@Root() contact: Contact, @Ctx() ctx: Context): string | null {
    return ctx.viewer ? (contact.email ?? null) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Only for signed-in accounts; null otherwise.' })
  phone(@Root() contact: Contact, @Ctx() ctx: Context): string | null {
    return ctx.viewer ? (contact.phone ?? null) : null;
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() contact: Contact, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return contact.organisation ? ctx.loaders.organisationById.load(contact.organisation.id) : null;
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() contact: Contact, @Ctx() ctx: Context): Promise<Project | null> | null {
    return contact.project ? ctx.loaders.projectById.load(contact.project.id) : null;
  }
}
