import { GraphQLError } from 'graphql';

/** The codes clients can rely on (see shared design notes). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'QUERY_TOO_COMPLEX'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function codedError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

/** `field` is the argument path at fault, e.g. "first" or "filter.programmes". */
export function badInput(field: string, message: string): GraphQLError {
  return codedError('BAD_USER_INPUT', message, { field });
}

export function notFound(message: string): GraphQLError {
  return codedError('NOT_FOUND', message);
}
