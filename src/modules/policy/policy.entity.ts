import { Entity, Enum, Index, ManyToOne, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Node } from '../../graphql/node';
import { LocalizedValue } from '../../graphql/values';
import { Project } from '../project/project.entity';
import { Theme } from '../vocabulary/vocabulary.entity';

export enum PolicyLevel {
  REGIONAL = 'REGIONAL',
  NATIONAL = 'NATIONAL',
  TRANSNATIONAL = 'TRANSNATIONAL',
}
registerEnumType(PolicyLevel, { name: 'PolicyLevel' });

export enum PolicyRelation {
  ASSESSED = 'ASSESSED',
  PRODUCED = 'PRODUCED',
  ADDRESSED = 'ADDRESSED',
}
registerEnumType(PolicyRelation, { name: 'PolicyRelation', description: 'What a project did with a policy.' });

@ObjectType({ implements: Node, description: 'A policy instrument, strategy or policy area.' })
@Entity({ tableName: 'policy' })
export class Policy extends BaseEntity {
  @Property({ type: 'json' })
  names: LocalizedValue[] = [];

  @Property({ type: 'json' })
  descriptions: LocalizedValue[] = [];

  @Field(() => PolicyLevel, { nullable: true })
  @Enum({ items: () => PolicyLevel, nullable: true })
  @Index()
  level?: PolicyLevel;

  @Field(() => String, { nullable: true, description: 'The territory the policy covers, as named by the source.' })
  @Property({ type: 'string', nullable: true })
  territory?: string;
}

@Entity({ tableName: 'policy_project' })
export class PolicyProject {
  [PrimaryKeyProp]?: ['policy', 'project'];

  @ManyToOne({ entity: () => Policy, primary: true, deleteRule: 'cascade' })
  policy!: Policy;

  @ManyToOne({ entity: () => Project, primary: true, deleteRule: 'cascade' })
  @Index()
  project!: Project;

  @Enum({ items: () => PolicyRelation })
  relation!: PolicyRelation;
}

@Entity({ tableName: 'policy_theme' })
export class PolicyTheme {
  [PrimaryKeyProp]?: ['policy', 'theme'];

  @ManyToOne({ entity: () => Policy, primary: true, deleteRule: 'cascade' })
  policy!: Policy;

  @ManyToOne({ entity: () => Theme, primary: true, deleteRule: 'cascade' })
  @Index()
  theme!: Theme;
}
