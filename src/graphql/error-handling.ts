import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentNode, GraphQLError, GraphQLFormattedError, Kind, parse, visit } from 'graphql';
import type { Logger } from '../logger';
import type { ErrorCode } from './errors';

const CLIENT_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] satisfies (ErrorCode | string)[]);

/** Apollo's codes for malformed operations: to clients these are input errors like any other. */
const INPUT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/** Finds the argument (dotted path for input objects) whose value the location points into. */
function argumentAt(query: string, line: number, column: number): string | undefined {
  let document;
  try {
    document = parse(query);
  } catch {
    return undefined;
  }
  const lines = query.split('\n');
  const offset = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  let found: string | undefined;
  visit(document, {
    Argument(node: ArgumentNode) {
      if (node.loc && node.loc.start <= offset && offset < node.loc.end) {
        let path = node.name.value;
        visit(node.value, {
          ObjectField(field) {
            if (field.loc && field.loc.start <= offset && offset < field.loc.end) path += `.${field.name.value}`;
          },
        });
        found = path;
      }
    },
  });
  return found;
}

/** The argument a variable is passed to ("$f" in `projects(filter: $f)` → "filter"). */
function argumentForVariable(query: string, variable: string): string | undefined {
  let found: string | undefined;
  try {
    visit(parse(query), {
      Argument(node: ArgumentNode) {
        if (!found && node.value.kind === Kind.VARIABLE && node.value.name.value === variable) found = node.name.value;
      },
    });
  } catch {
    return undefined;
  }
  return found;
}

function fieldFromMessage(message: string): string | undefined {
  return (
    /Variable "\$([\w]+)"/.exec(message)?.[1] ??
    /Argument "([\w]+)"/.exec(message)?.[1] ??
    /argument "([\w]+)"/.exec(message)?.[1] ??
    /Field "([\w]+)" is not defined by type/.exec(message)?.[1]
  );
}

/** Adds the argument at fault to validation errors, which graphql-js reports by location only. */
export function inputErrorFieldPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request }) {
          for (const error of errors) {
            const variable = /^Variable "\$(\w+)" got invalid value .*? at "\w+((?:\.\w+|\[\d+\])*)"|^Variable "\$(\w+)"/.exec(error.message);
            if (variable && request.query) {
              const name = variable[1] ?? variable[3];
              const argument = argumentForVariable(request.query, name);
              Object.assign(error.extensions, { code: 'BAD_USER_INPUT', field: `${argument ?? name}${variable[2] ?? ''}` });
              continue;
            }
            const code = error.extensions?.code;
            if (typeof code !== 'string' || !INPUT_CODES.has(code) || error.extensions.field) continue;
            const location = error.locations?.[0];
            const field =
              (request.query && location ? argumentAt(request.query, location.line, location.column) : undefined) ??
              fieldFromMessage(error.message);
            if (field) (error.extensions as Record<string, unknown>).field = field;
          }
        },
      };
    },
  };
}

/**
 * Client mistakes keep their code and message; anything else is logged with the request id and
 * returned as a bare INTERNAL_SERVER_ERROR, never with a stack trace or internals.
 */
export function formatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    const { stacktrace: _dropped, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (/exceeds maximum operation depth/.test(formatted.message)) {
      return { ...formatted, extensions: { ...extensions, code: 'QUERY_TOO_COMPLEX' } };
    }
    if (typeof code === 'string' && INPUT_CODES.has(code)) {
      return { ...formatted, extensions: { ...extensions, code: 'BAD_USER_INPUT', reason: code } };
    }
    if (typeof code === 'string' && CLIENT_CODES.has(code)) return { ...formatted, extensions };
    const requestId = original instanceof GraphQLError ? undefined : (error as { requestId?: string })?.requestId;
    logger.error({ err: original, path: formatted.path, requestId }, 'unexpected error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
