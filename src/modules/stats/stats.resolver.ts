import { ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { Loaders } from '../../graphql/loaders';
import { Country } from '../country/country.entity';
import { Organisation } from '../organisation/organisation.entity';
import { Programme } from '../programme/programme.entity';
import { Theme } from '../vocabulary/vocabulary.entity';
import { ProjectStats } from './stats.types';

/** Adds `stats` to a type: figures over the projects it covers (described per type). */
function statsResolverFor<T extends object>(
  type: ClassType<T>,
  description: string,
  load: (loaders: Loaders, record: T) => Promise<ProjectStats>,
): ClassType {
  @Resolver(() => type)
  class StatsResolver {
    @FieldResolver(() => ProjectStats, { description })
    stats(@Root() record: T, @Ctx() ctx: Context): Promise<ProjectStats> {
      return load(ctx.loaders, record);
    }
  }
  return StatsResolver;
}

export const statsResolvers = [
  statsResolverFor(Programme, 'Figures over the programme\'s projects.', (l, p) => l.statsByProgramme.load(p.id)),
  statsResolverFor(Country, 'Figures over projects with a partner in the country; partnerCount counts all their partners.', (l, c) =>
    l.statsByCountry.load(c.code),
  ),
  statsResolverFor(Theme, 'Figures over the projects with this theme.', (l, t) => l.statsByTheme.load(t.id)),
  statsResolverFor(Organisation, 'Figures over the projects the organisation takes part in (partnerCount includes itself).', (l, o) =>
    l.statsByOrganisation.load(o.id),
  ),
];
