import { Field, ID, InterfaceType } from 'type-graphql';

/** Every entity a client can refetch implements Node with a global, opaque id. */
@InterfaceType('Node', {
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Global, opaque identifier; use it with node(id:).' })
  nodeId!: string;
}
