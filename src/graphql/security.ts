import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { resolveViewer } from '../modules/auth/auth.service';
import type { Viewer } from './context';
import { codedError } from './errors';

/**
 * The HTTP-level guards in front of Apollo on /graphql: batch size, authentication (Bearer API
 * tokens), per-token / per-IP rate limits, and JSON answers for body errors. Each refusal is a
 * GraphQL-shaped response with `extensions.code`, never an HTML page or a stack trace.
 */

/** Most tokens a document may have; bounds parsing and validation work whatever the content. */
export const MAX_TOKENS = 5000;

export interface SecureRequest extends Request {
  viewer?: Viewer | null;
}

function send(res: Response, status: number, message: string, extensions: Record<string, unknown>): void {
  res.status(status).json({ errors: [{ message, extensions }] });
}

/** A JSON array body is a batch: at most `maxBatch` operations, at least one. */
export function batchLimit(maxBatch: number): RequestHandler {
  return (req, res, next) => {
    if (Array.isArray(req.body) && (req.body.length === 0 || req.body.length > maxBatch)) {
      send(res, 400, `a batch must hold 1..${maxBatch} operations, got ${req.body.length}`, {
        code: 'QUERY_TOO_COMPLEX',
        maxBatchSize: maxBatch,
      });
      return;
    }
    next();
  };
}

/**
 * Resolves the Bearer token (UNAUTHENTICATED on a bad one, never a silent fallback to anonymous),
 * then charges the request to the token's or the client IP's budget (one point per operation).
 */
export function authenticateAndLimit(orm: MikroORM, config: Config): RequestHandler {
  const duration = config.RATE_LIMIT_WINDOW_SECONDS;
  const anonymous = new RateLimiterMemory({ keyPrefix: 'ip', points: config.RATE_LIMIT_ANONYMOUS, duration });
  const authenticated = new RateLimiterMemory({ keyPrefix: 'token', points: config.RATE_LIMIT_AUTHENTICATED, duration });

  const charge = async (res: Response, limiter: RateLimiterMemory, key: string, points: number): Promise<boolean> => {
    try {
      await limiter.consume(key, points);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      res.setHeader('Retry-After', String(retryAfter));
      send(res, 429, `rate limit exceeded; retry in ${retryAfter} s`, { code: 'RATE_LIMITED', retryAfter });
      return false;
    }
  };

  return async (req: SecureRequest, res: Response, next: NextFunction) => {
    try {
      const points = Array.isArray(req.body) ? req.body.length : 1;
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      let viewer: Viewer | null;
      try {
        viewer = await resolveViewer(orm.em.fork(), req.headers.authorization);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        // Failed sign-ins spend the IP's budget, so tokens cannot be guessed at full speed.
        if (await charge(res, anonymous, ip, points)) send(res, 401, error.message, { code: 'UNAUTHENTICATED' });
        return;
      }
      const allowed = viewer ? await charge(res, authenticated, String(viewer.tokenId), points) : await charge(res, anonymous, ip, points);
      if (!allowed) return;
      req.viewer = viewer;
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** Body-parser and other errors before Apollo: coded JSON, details only in the log. */
export function httpErrorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const status = (error as { status?: number; statusCode?: number }).status ?? (error as { statusCode?: number }).statusCode;
    const type = (error as { type?: string }).type;
    if (status === 413 || type === 'entity.too.large') {
      send(res, 413, 'request body too large', { code: 'BAD_USER_INPUT', reason: 'PAYLOAD_TOO_LARGE' });
    } else if (status && status >= 400 && status < 500) {
      send(res, status, 'malformed request body: send JSON {"query": "…", "variables": {…}}', { code: 'BAD_USER_INPUT', reason: type ?? 'BAD_REQUEST' });
    } else {
      const requestId = req.headers['x-request-id'];
      logger.error({ err: error, requestId }, 'unexpected HTTP error');
      send(res, 500, 'Internal server error', { code: 'INTERNAL_SERVER_ERROR' });
    }
  };
}

/** Aliased fields in a document (all operations and fragments). */
export function countAliases(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.alias) aliases++;
    },
  });
  return aliases;
}

/** Refuses documents with more than `maxAliases` aliases (the cheap way to multiply one field). */
export function aliasLimitPlugin(maxAliases: number): ApolloServerPlugin {
  // Apollo hands the same parsed document to every request with the same query text.
  const counted = new WeakMap<DocumentNode, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          let aliases = counted.get(document);
          if (aliases === undefined) counted.set(document, (aliases = countAliases(document)));
          if (aliases > maxAliases) {
            throw codedError('QUERY_TOO_COMPLEX', `${aliases} aliases exceed the limit of ${maxAliases}`, { aliases, maxAliases });
          }
        },
      };
    },
  };
}
