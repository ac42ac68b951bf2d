import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { connectionType, PageArgs } from '../../graphql/connection';
import { loadTyped } from '../node/node.loaders';
import { findConnection } from '../../db/paginate';
import { Organisation } from '../organisation/organisation.entity';
import { Programme } from '../programme/programme.entity';
import { Project } from '../project/project.entity';
import { Document } from './document.entity';

const DocumentConnection = connectionType(Document, 'Document');

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true })
  document(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Document | null> {
    return loadTyped(ctx.loaders, id, 'Document');
  }

  @Query(() => DocumentConnection)
  documents(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('language', () => String, { nullable: true, description: 'ISO 639-3 code.' }) language?: string,
  ) {
    return findConnection(ctx.em, Document, language ? { language } : {}, [{ origin: 'asc', id: 'asc' }], page);
  }

  @FieldResolver(() => [Project], { description: 'Projects the document is about.' })
  projects(@Root() document: Document, @Ctx() ctx: Context): Promise<Project[]> {
    return ctx.loaders.projectsByDocument.load(document.id);
  }

  @FieldResolver(() => [Programme], { description: 'Programmes the document is about.' })
  programmes(@Root() document: Document, @Ctx() ctx: Context): Promise<Programme[]> {
    return ctx.loaders.programmesByDocument.load(document.id);
  }

  @FieldResolver(() => [Organisation], { description: 'Organisations the document mentions.' })
  organisations(@Root() document: Document, @Ctx() ctx: Context): Promise<Organisation[]> {
    return ctx.loaders.organisationsByDocument.load(document.id);
  }
}
