import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { codedError } from './errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connection';

/** Rejects documents nested deeper than `maxDepth` before anything runs. */
export function depthRule(maxDepth: number) {
  return depthLimit(maxDepth, {}, () => undefined);
}

/**
 * Estimates the cost of an operation before it runs: every field costs 1, and a field with a
 * `first` argument multiplies the cost of its children by that page size. Too expensive →
 * QUERY_TOO_COMPLEX; the cost is reported in `extensions.cost` either way.
 */
export function complexityPlugin(schema: GraphQLSchema, maxComplexity: number): ApolloServerPlugin {
  const estimate = (query: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) =>
    getComplexity({
      schema,
      query,
      operationName,
      variables,
      estimators: [
        fieldExtensionsEstimator(),
        ({ args, childComplexity }) => {
          // An out-of-range `first` is refused by the resolver with BAD_USER_INPUT; cost it at the cap.
          const first = typeof args.first === 'number' ? Math.min(Math.max(args.first, 1), MAX_PAGE_SIZE) : undefined;
          return first !== undefined || 'after' in args ? 1 + childComplexity * (first ?? DEFAULT_PAGE_SIZE) : undefined;
        },
        simpleEstimator({ defaultComplexity: 1 }),
      ],
    });
  // Apollo hands the same parsed document to every request with the same query text; the cost
  // then depends only on the operation and the variables. A few shapes per document are kept.
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  const MAX_SHAPES_PER_DOCUMENT = 64;
  const costOf = (document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>) => {
    const key = JSON.stringify([operationName ?? null, variables]);
    let known = costs.get(document);
    const cached = known?.get(key);
    if (cached !== undefined) return cached;
    const cost = estimate(document, operationName, variables);
    if (!known) costs.set(document, (known = new Map()));
    if (known.size >= MAX_SHAPES_PER_DOCUMENT) known.clear();
    known.set(key, cost);
    return cost;
  };
  return {
    async requestDidStart() {
      let cost = 0;
      return {
        async didResolveOperation({ request, document, operation }) {
          // No operation by that name, or missing/invalid variables: Apollo answers those as client
          // errors (HTTP 400) when it executes; getComplexity would throw them as internal errors.
          if (!operation) return;
          try {
            cost = costOf(document, request.operationName ?? undefined, request.variables ?? {});
          } catch (error) {
            if (error instanceof GraphQLError) return;
            throw error;
          }
          if (cost > maxComplexity) {
            throw codedError('QUERY_TOO_COMPLEX', `query cost ${cost} exceeds the limit of ${maxComplexity}`, {
              cost,
              maxCost: maxComplexity,
            });
          }
        },
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          }
        },
      };
    },
  };
}
