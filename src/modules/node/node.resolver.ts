import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import { Node } from '../../graphql/node';
import { nodeTypes } from './node.registry';

const MAX_NODES = 100;

function nodeKey(id: string, argument: string): string {
  const { typeName, localId } = decodeGlobalId(id, argument);
  if (!nodeTypes[typeName]) throw badInput(argument, `"${id.slice(0, 80)}" is not a valid ID`);
  return `${typeName}:${localId}`;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any record by its global id; null when it does not exist or is not visible.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return ctx.loaders.node.load(nodeKey(id, 'id'));
  }

  @Query(() => [Node], { nullable: 'items', description: `Up to ${MAX_NODES} records by global id, in the order asked.` })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > MAX_NODES) throw badInput('ids', `at most ${MAX_NODES} ids per request`);
    const keys = ids.map((id, i) => nodeKey(id, `ids[${i}]`));
    return Promise.all(keys.map((key) => ctx.loaders.node.load(key)));
  }
}
