import { ArrayType, Entity, Index, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/node';
import { LocalizedValue } from '../../graphql/values';
import { Country } from '../country/country.entity';
import { Organisation } from '../organisation/organisation.entity';
import { ContributionEntity } from '../output/output.entity';
import { Project } from '../project/project.entity';
import { Sector, Theme } from '../vocabulary/vocabulary.entity';

@ObjectType({ implements: Node, description: 'A documented practice worth transferring, e.g. a "Hidden Champions" case study.' })
@Entity({ tableName: 'best_practice' })
export class BestPractice extends ContributionEntity {
  @ManyToOne({ entity: () => Project, deleteRule: 'cascade' })
  @Index()
  project!: Project;

  @Property({ type: 'json' })
  titles: LocalizedValue[] = [];

  @Property({ type: 'json' })
  summaries: LocalizedValue[] = [];

  /** The organisation (company) the practice describes. */
  @ManyToOne({ entity: () => Organisation, nullable: true })
  @Index()
  organisation?: Organisation;

  @Field(() => String, { nullable: true, description: 'The cluster the described company belongs to.' })
  @Property({ type: 'string', nullable: true })
  clusterName?: string;

  @ManyToOne({ entity: () => Sector, nullable: true })
  @Index()
  sector?: Sector;

  @ManyToOne({ entity: () => Country, nullable: true })
  @Index()
  country?: Country;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  evidence?: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  transferability?: string;

  @Field(() => [String], { description: 'What each case study of this kind must contain, as stated by the source.' })
  @Property({ type: ArrayType, default: '{}' })
  requiredContents: string[] = [];

}

@Entity({ tableName: 'best_practice_theme' })
export class BestPracticeTheme {
  [PrimaryKeyProp]?: ['bestPractice', 'theme'];

  @ManyToOne({ entity: () => BestPractice, primary: true, deleteRule: 'cascade' })
  bestPractice!: BestPractice;

  @ManyToOne({ entity: () => Theme, primary: true, deleteRule: 'cascade' })
  @Index()
  theme!: Theme;
}
