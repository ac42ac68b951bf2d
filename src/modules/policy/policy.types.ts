import { Field, ObjectType } from 'type-graphql';
import { Policy, PolicyRelation } from './policy.entity';

@ObjectType({ description: 'A policy and what the project did with it.' })
export class PolicyOfProject {
  @Field(() => Policy)
  policy!: Policy;

  @Field(() => PolicyRelation)
  relation!: PolicyRelation;
}
