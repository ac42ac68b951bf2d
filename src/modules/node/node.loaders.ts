import DataLoader from 'dataloader';
import { readRows } from '../../db/loaders';
import { badInput } from '../../graphql/errors';
import { decodeGlobalId } from '../../graphql/global-id';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../graphql/context';
import { ContributionStatus } from '../output/output.entity';
import { isVisible } from '../output/output.visibility';
import { nodeTypes } from './node.registry';

/** Partner contributions: hidden from readers until published. */
const MODERATED_TYPES = new Set(['Output', 'BestPractice']);

/** Any node by "<Type>:<id>", one statement per type per batch; hidden records resolve to null. */
export function nodeLoaders(em: EntityManager, viewer: Viewer | null) {
  return {
    node: new DataLoader<string, object | null>(async (keys) => {
      const idsByType = new Map<string, number[]>();
      for (const key of keys) {
        const [type, id] = key.split(':');
        if (nodeTypes[type]) idsByType.set(type, [...(idsByType.get(type) ?? []), Number(id)]);
      }
      const found = new Map<string, object>();
      await Promise.all(
        [...idsByType].map(async ([type, ids]) => {
          const rows = await readRows(em, nodeTypes[type], { id: { $in: ids } });
          for (const row of rows) {
            const moderated = MODERATED_TYPES.has(type);
            if (!moderated || isVisible(viewer, row as unknown as { status: ContributionStatus; submittedBy?: { id: number } })) found.set(`${type}:${row.id}`, row);
          }
        }),
      );
      return keys.map((key) => found.get(key) ?? null);
    }),
  };
}

/** Resolves a global id that must be of one type (e.g. `output(id:)`), through the visibility-aware node loader. */
export async function loadTyped<T>(
  loaders: { node: DataLoader<string, object | null> },
  id: string,
  typeName: string,
  argument = 'id',
): Promise<T | null> {
  const decoded = decodeGlobalId(id, argument);
  if (decoded.typeName !== typeName) throw badInput(argument, `expected a ${typeName} id`);
  return (await loaders.node.load(`${typeName}:${decoded.localId}`)) as T | null;
}
