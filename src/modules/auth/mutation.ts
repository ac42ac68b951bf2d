import { createHash } from 'node:crypto';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType } from 'type-graphql';
import type { Context, Viewer } from '../../graphql/context';
import { badInput, codedError } from '../../graphql/errors';
import { Account, IdempotencyRecord } from './auth.entity';
import { requireViewer } from './permissions';
import { LIMITS, token } from './validation';

/** A business rule that stopped a well-formed, permitted mutation; nothing was changed. */
@ObjectType({ description: 'Why a mutation did not apply (nothing was changed). Authorisation, input and version errors are GraphQL errors instead.' })
export class UserError {
  @Field(() => String, { nullable: true, description: 'Input field at fault, e.g. "input.version" or "status".' })
  field!: string | null;

  @Field(() => String)
  message!: string;

  @Field(() => String, { description: 'INVALID_STATE (e.g. publishing an item that is not submitted), ALREADY_EXISTS, …' })
  code!: string;
}

@InputType()
export abstract class MutationInput {
  @Field(() => String, { nullable: true, description: 'Echoed back in the payload.' })
  clientMutationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key returns the first result and changes nothing (also as the Idempotency-Key header).',
  })
  idempotencyKey?: string | null;
}

@ObjectType()
export abstract class MutationPayload {
  @Field(() => String, { nullable: true })
  clientMutationId!: string | null;

  @Field(() => [UserError])
  userErrors!: UserError[];
}

/** What a mutation's body returns and what an idempotency record stores (ids only, never secrets). */
export interface MutationOutcome {
  id: number | null;
  userErrors: UserError[];
}

export function userError(code: string, message: string, field: string | null = null): MutationOutcome {
  return { id: null, userErrors: [{ code, message, field }] };
}

/** Key order does not matter; `clientMutationId` and `idempotencyKey` do not count. */
function requestHash(mutation: string, input: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .filter((k) => k !== 'clientMutationId' && k !== 'idempotencyKey' && (value as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify([mutation, canonical(input)])).digest('hex');
}

function mapWriteError(error: unknown): never {
  if (error instanceof OptimisticLockError) {
    throw codedError('CONFLICT', 'the record changed while you were writing it; reload and retry', { field: 'input.version' });
  }
  throw error;
}

async function replay(em: EntityManager, viewer: Viewer, mutation: string, key: string, hash: string): Promise<MutationOutcome | null> {
  const record = await em.findOne(IdempotencyRecord, { account: viewer.accountId, key });
  if (!record) return null;
  if (record.mutation !== mutation || record.requestHash !== hash) {
    throw badInput('input.idempotencyKey', 'this idempotency key was already used for a different request');
  }
  return record.response as MutationOutcome;
}

/**
 * Runs one write: signed-in check, idempotency (per account and key: the first outcome is stored in
 * the same transaction as the write and returned to every retry), one transaction, stale versions
 * → CONFLICT. `body` throws GraphQL errors for refusals and returns userErrors for business rules.
 */
export async function runMutation<E>(
  ctx: Context,
  mutation: string,
  input: MutationInput,
  body: (em: EntityManager, viewer: Viewer) => Promise<MutationOutcome>,
  load: (em: EntityManager, id: number) => Promise<E | null>,
): Promise<{ clientMutationId: string | null; userErrors: UserError[]; result: E | null }> {
  const viewer = requireViewer(ctx);
  const clientMutationId = input.clientMutationId ?? null;
  if (clientMutationId !== null && clientMutationId.length > LIMITS.clientMutationId) {
    throw badInput('input.clientMutationId', `must be at most ${LIMITS.clientMutationId} characters`);
  }
  const key = token('input.idempotencyKey', input.idempotencyKey ?? ctx.idempotencyKey, LIMITS.idempotencyKey);
  const hash = requestHash(mutation, input);

  let outcome: MutationOutcome | null = key ? await replay(ctx.em.fork(), viewer, mutation, key, hash) : null;
  if (!outcome) {
    try {
      outcome = await ctx.em.fork().transactional(async (tx) => {
        const result = await body(tx, viewer);
        if (key) {
          tx.create(IdempotencyRecord, {
            account: tx.getReference(Account, viewer.accountId),
            key,
            mutation,
            requestHash: hash,
            response: result,
          });
        }
        return result;
      });
    } catch (error) {
      // A concurrent retry with the same key committed first: answer with its outcome.
      const raced = key && error instanceof UniqueConstraintViolationException ? await replay(ctx.em.fork(), viewer, mutation, key, hash) : null;
      if (!raced) mapWriteError(error);
      outcome = raced;
    }
  }
  const result = outcome.id !== null ? await load(ctx.em.fork(), outcome.id) : null;
  return { clientMutationId, userErrors: outcome.userErrors, result };
}

@InputType({ description: 'A text in one language.' })
export class LocalizedTextInput {
  @Field(() => String, { description: 'ISO 639-3 code, e.g. "eng".' })
  language!: string;

  @Field(() => String)
  text!: string;
}
