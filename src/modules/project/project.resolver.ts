import { Arg, Args, Ctx, FieldResolver, ObjectType, Field, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { connectionFromList, PageArgs } from '../../graphql/connection';
import { LocalizedText, pickText, toLocalizedTexts } from '../../graphql/values';
import { Contact } from '../contact/contact.entity';
import { Document } from '../document/document.entity';
import { Event } from '../event/event.entity';
import { Organisation } from '../organisation/organisation.entity';
import { OutputConnection } from '../output/output.types';
import { PolicyRelation } from '../policy/policy.entity';
import { PolicyOfProject } from '../policy/policy.types';
import { BestPractice } from '../practice/practice.entity';
import { Call, Programme } from '../programme/programme.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';
import { Participation, PartnerRole, Project, ProjectLink, StatementKind } from './project.entity';
import { ProjectFilter, ProjectOrder } from './project.inputs';
import { findProjectByAcronym, listProjects } from './project.service';
import { rankRelated, RelatedProject } from './project.related';
import { badInput } from '../../graphql/errors';

const MAX_RELATED = 20;
import { ProjectConnection } from './project.types';

@ObjectType({ description: 'An objective, result, method… of a project, in one language.' })
class ProjectStatement extends LocalizedText {
  @Field(() => StatementKind)
  kind!: StatementKind;
}

@ObjectType()
class WorkPackage {
  @Field(() => String)
  code!: string;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => [LocalizedText])
  titles!: LocalizedText[];
}

const ROLE_RANK: Record<PartnerRole, number> = {
  [PartnerRole.LEAD_PARTNER]: 0,
  [PartnerRole.PARTNER]: 1,
  [PartnerRole.ASSOCIATED]: 2,
  [PartnerRole.OBSERVER]: 3,
};

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, {
    nullable: true,
    description: 'A project by acronym, ignoring case, spaces and hyphens ("Clusters Cord" = "CLUSTERS-CORD"); null when unknown.',
  })
  project(
    @Arg('acronym', () => String) acronym: string,
    @Ctx() ctx: Context,
    @Arg('programme', () => String, { nullable: true, description: 'Programme code, when acronyms clash.' }) programme?: string,
  ): Promise<Project | null> {
    return findProjectByAcronym(ctx.em, acronym, programme);
  }

  @Query(() => ProjectConnection)
  projects(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter?: ProjectFilter,
    @Arg('orderBy', () => ProjectOrder, { nullable: true, description: 'Default: acronym ascending.' }) orderBy?: ProjectOrder,
  ) {
    return listProjects(ctx.em, filter, orderBy, page);
  }

  @FieldResolver(() => String, { description: 'The full title in `language` when available, else the source title.' })
  title(@Root() project: Project, @Arg('language', () => String, { nullable: true }) language?: string): string {
    return pickText(project.titles, language) ?? project.acronym;
  }

  @FieldResolver(() => [LocalizedText])
  titles(@Root() project: Project): LocalizedText[] {
    return toLocalizedTexts(project.titles);
  }

  @FieldResolver(() => [ProjectStatement], { description: 'Objectives, results, methodology… in the sources\' languages.' })
  statements(
    @Root() project: Project,
    @Arg('kind', () => StatementKind, { nullable: true }) kind?: StatementKind,
    @Arg('language', () => String, { nullable: true }) language?: string,
  ): ProjectStatement[] {
    return project.statements
      .filter((s) => (!kind || s.kind === kind) && (!language || s.language === language))
      .map((s) => ({ kind: s.kind, language: s.language, text: s.text, translation: s.translation ?? false }));
  }

  @FieldResolver(() => [WorkPackage])
  workPackages(@Root() project: Project, @Arg('language', () => String, { nullable: true }) language?: string): WorkPackage[] {
    return project.workPackages.map((wp) => ({ code: wp.code, title: pickText(wp.titles, language), titles: toLocalizedTexts(wp.titles) }));
  }

  @FieldResolver(() => Programme)
  programme(@Root() project: Project, @Ctx() ctx: Context): Promise<Programme | null> {
    return ctx.loaders.programmeById.load(project.programme.id);
  }

  @FieldResolver(() => Call, { nullable: true })
  call(@Root() project: Project, @Ctx() ctx: Context): Promise<Call | null> | null {
    return project.call ? ctx.loaders.callById.load(project.call.id) : null;
  }

  @FieldResolver(() => [Participation], { description: 'Lead partner first, then partners, associated partners and observers.' })
  async partners(@Root() project: Project, @Ctx() ctx: Context): Promise<Participation[]> {
    const participations = await ctx.loaders.participationsByProject.load(project.id);
    return [...participations].sort((a, b) => ROLE_RANK[a.role] - ROLE_RANK[b.role] || a.id - b.id);
  }

  @FieldResolver(() => Organisation, { nullable: true })
  async leadPartner(@Root() project: Project, @Ctx() ctx: Context): Promise<Organisation | null> {
    const participations = await ctx.loaders.participationsByProject.load(project.id);
    const lead = participations.find((p) => p.role === PartnerRole.LEAD_PARTNER);
    return lead ? ctx.loaders.organisationById.load(lead.organisation.id) : null;
  }

  @FieldResolver(() => OutputConnection)
  async outputs(@Root() project: Project, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: Context) {
    return connectionFromList(await ctx.loaders.outputsByProject.load(project.id), page);
  }

  @FieldResolver(() => [BestPractice])
  bestPractices(@Root() project: Project, @Ctx() ctx: Context): Promise<BestPractice[]> {
    return ctx.loaders.bestPracticesByProject.load(project.id);
  }

  @FieldResolver(() => [PolicyOfProject], { description: 'Policies the project assessed, produced or addressed.' })
  async policies(@Root() project: Project, @Ctx() ctx: Context): Promise<PolicyOfProject[]> {
    const links = await ctx.loaders.policyLinksByProject.load(project.id);
    return links.map((link) => ({ policy: link.policy, relation: link.relation as PolicyRelation }));
  }

  @FieldResolver(() => [Theme])
  themes(@Root() project: Project, @Ctx() ctx: Context): Promise<Theme[]> {
    return ctx.loaders.themesByProject.load(project.id);
  }

  @FieldResolver(() => [Sector])
  sectors(@Root() project: Project, @Ctx() ctx: Context): Promise<Sector[]> {
    return ctx.loaders.sectorsByProject.load(project.id);
  }

  @FieldResolver(() => [Document], { description: 'Source documents about this project.' })
  documents(@Root() project: Project, @Ctx() ctx: Context): Promise<Document[]> {
    return ctx.loaders.documentsByProject.load(project.id);
  }

  @FieldResolver(() => [Event])
  events(@Root() project: Project, @Ctx() ctx: Context): Promise<Event[]> {
    return ctx.loaders.eventsByProject.load(project.id);
  }

  @FieldResolver(() => [Contact])
  contacts(@Root() project: Project, @Ctx() ctx: Context): Promise<Contact[]> {
    return ctx.loaders.contactsByProject.load(project.id);
  }

  @FieldResolver(() => [RelatedProject], {
    description: 'Projects ranked by shared partners, countries, themes, sectors, programme, stated links and wording, with reasons.',
  })
  async relatedProjects(
    @Root() project: Project,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { defaultValue: 5, description: `1..${MAX_RELATED}` }) first: number,
  ): Promise<RelatedProject[]> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_RELATED) throw badInput('first', `first must be between 1 and ${MAX_RELATED}`);
    const signals = await ctx.loaders.relatedSignals.load(project.id);
    const [candidates, programme] = await Promise.all([
      ctx.loaders.relatedCandidateById.loadMany(signals.map((s) => s.cand)),
      ctx.loaders.programmeById.load(project.programme.id),
    ]);
    const byId = new Map(candidates.filter((c): c is Project => c instanceof Project).map((c) => [c.id, c]));
    return rankRelated(project, signals, byId, programme?.name ?? '', first);
  }

  @FieldResolver(() => [ProjectLink], { description: 'Other projects and initiatives the sources relate to this one.' })
  links(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectLink[]> {
    return ctx.loaders.linksByProject.load(project.id);
  }
}

@Resolver(() => Participation)
export class ParticipationResolver {
  @FieldResolver(() => Organisation)
  organisation(@Root() participation: Participation, @Ctx() ctx: Context): Promise<Organisation | null> {
    return ctx.loaders.organisationById.load(participation.organisation.id);
  }

  @FieldResolver(() => Project)
  project(@Root() participation: Participation, @Ctx() ctx: Context): Promise<Project | null> {
    return ctx.loaders.projectById.load(participation.project.id);
  }
}

@Resolver(() => ProjectLink)
export class ProjectLinkResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The other project, when it is in this knowledge base.' })
  targetProject(@Root() link: ProjectLink, @Ctx() ctx: Context): Promise<Project | null> | null {
    return link.targetProject ? ctx.loaders.projectById.load(link.targetProject.id) : null;
  }
}
