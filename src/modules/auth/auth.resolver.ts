import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput, codedError } from '../../graphql/errors';
import { diff, recordWrite } from '../audit/audit.service';
import { Organisation } from '../organisation/organisation.entity';
import { localId, organisationsByIds } from './contribution';
import { Account, AccountRole, ApiToken } from './auth.entity';
import { createAccount, issueToken } from './auth.service';
import { MutationPayload } from './mutation';
import { requireAdmin, requireViewer } from './permissions';
import { LIMITS, text } from './validation';

@InputType()
export class CreateAccountInput {
  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => AccountRole)
  role!: AccountRole;

  @Field(() => ID, { nullable: true, description: 'Required for PARTNER accounts: the organisation it writes for.' })
  organisationId?: string | null;
}

@InputType()
export class SetAccountDisabledInput {
  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  @Field(() => ID)
  accountId!: string;

  @Field(() => Boolean)
  disabled!: boolean;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  @Field(() => ID)
  accountId!: string;

  @Field(() => String, { nullable: true })
  label?: string | null;

  @Field(() => Int, { nullable: true, description: 'Days until it expires (1..3650); never when absent.' })
  expiresInDays?: number | null;
}

@InputType()
export class RevokeApiTokenInput {
  @Field(() => String, { nullable: true })
  clientMutationId?: string | null;

  @Field(() => ID)
  tokenId!: string;
}

@ObjectType()
export class AccountPayload extends MutationPayload {
  @Field(() => Account, { nullable: true })
  account!: Account | null;
}

@ObjectType()
export class ApiTokenPayload extends MutationPayload {
  @Field(() => ApiToken, { nullable: true })
  apiToken!: ApiToken | null;

  @Field(() => String, { nullable: true, description: 'The secret token: shown this once, never stored (only its hash is).' })
  token!: string | null;
}

function clientId(value: string | null | undefined): string | null {
  if (value && value.length > LIMITS.clientMutationId) throw badInput('input.clientMutationId', `must be at most ${LIMITS.clientMutationId} characters`);
  return value ?? null;
}

async function accountById(em: EntityManager, id: string, field: string): Promise<Account> {
  const account = await em.findOne(Account, { id: localId(field, id, 'Account') });
  if (!account) throw codedError('NOT_FOUND', 'no Account with this id', { field });
  return account;
}

/** Accounts and tokens: admins manage them; anyone signed in may ask who they are. */
@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'The signed-in account; null for anonymous requests.' })
  viewer(@Ctx() ctx: Context): Promise<Account | null> | null {
    return ctx.viewer ? ctx.em.findOne(Account, { id: ctx.viewer.accountId }) : null;
  }

  @Query(() => [Account], { description: 'Admins: every account.' })
  accounts(@Ctx() ctx: Context): Promise<Account[]> {
    requireAdmin(ctx);
    return ctx.em.find(Account, {}, { orderBy: { id: 'asc' } });
  }

  @FieldResolver(() => Organisation, { nullable: true })
  organisation(@Root() account: Account, @Ctx() ctx: Context): Promise<Organisation | null> | null {
    return account.organisation ? ctx.loaders.organisationById.load(account.organisation.id) : null;
  }

  @FieldResolver(() => [ApiToken], { description: 'Admins, and the account itself.' })
  tokens(@Root() account: Account, @Ctx() ctx: Context): Promise<ApiToken[]> {
    const viewer = requireViewer(ctx);
    if (viewer.role !== 'ADMIN' && viewer.accountId !== account.id) throw codedError('FORBIDDEN', 'only admins may list other accounts\' tokens');
    return ctx.em.find(ApiToken, { account: account.id }, { orderBy: { id: 'asc' } });
  }

  @Mutation(() => AccountPayload, { description: 'Admins: a new account (a PARTNER is bound to one organisation).' })
  async createAccount(@Arg('input', () => CreateAccountInput) input: CreateAccountInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    requireAdmin(ctx);
    const clientMutationId = clientId(input.clientMutationId);
    const name = text('input.name', input.name, LIMITS.name);
    if (input.role === AccountRole.PARTNER && !input.organisationId) throw badInput('input.organisationId', 'a partner account needs an organisation');
    if (input.role !== AccountRole.PARTNER && input.organisationId) throw badInput('input.organisationId', 'only partner accounts are bound to an organisation');
    const id = await ctx.em.fork().transactional(async (em) => {
      const [organisation] = input.organisationId ? await organisationsByIds(em, 'input.organisationId', [input.organisationId], 1) : [];
      const account = createAccount(em, { name, role: input.role, organisationId: organisation?.id });
      await em.flush();
      recordWrite(em, ctx, {
        action: 'createAccount',
        entityType: 'Account',
        entityId: account.id,
        changes: diff(null, { name, role: input.role, organisation: organisation?.id ?? null }),
      });
      return account.id;
    });
    return { clientMutationId, userErrors: [], account: await ctx.em.fork().findOne(Account, { id }) };
  }

  @Mutation(() => AccountPayload, { description: 'Admins: disable (every token stops working at once) or re-enable an account.' })
  async setAccountDisabled(@Arg('input', () => SetAccountDisabledInput) input: SetAccountDisabledInput, @Ctx() ctx: Context): Promise<AccountPayload> {
    requireAdmin(ctx);
    const clientMutationId = clientId(input.clientMutationId);
    const id = await ctx.em.fork().transactional(async (em) => {
      const account = await accountById(em, input.accountId, 'input.accountId');
      const before = { disabled: account.disabled };
      account.disabled = input.disabled;
      await em.flush();
      recordWrite(em, ctx, { action: 'setAccountDisabled', entityType: 'Account', entityId: account.id, changes: diff(before, { disabled: account.disabled }) });
      return account.id;
    });
    return { clientMutationId, userErrors: [], account: await ctx.em.fork().findOne(Account, { id }) };
  }

  @Mutation(() => ApiTokenPayload, { description: 'Admins: a new API token for an account; the token is in this payload only.' })
  async createApiToken(@Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput, @Ctx() ctx: Context): Promise<ApiTokenPayload> {
    requireAdmin(ctx);
    const clientMutationId = clientId(input.clientMutationId);
    const label = input.label ? text('input.label', input.label, LIMITS.label) : undefined;
    const days = input.expiresInDays;
    if (days !== undefined && days !== null && (days < 1 || days > 3650)) throw badInput('input.expiresInDays', 'must be between 1 and 3650');
    const { id, secret } = await ctx.em.fork().transactional(async (em) => {
      const account = await accountById(em, input.accountId, 'input.accountId');
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000) : undefined;
      const issued = issueToken(em, account, label, expiresAt);
      await em.flush();
      recordWrite(em, ctx, {
        action: 'createApiToken',
        entityType: 'ApiToken',
        entityId: issued.apiToken.id,
        changes: diff(null, { account: account.id, prefix: issued.apiToken.prefix, label: label ?? null, expiresAt: expiresAt?.toISOString() ?? null }),
      });
      return { id: issued.apiToken.id, secret: issued.token };
    });
    return { clientMutationId, userErrors: [], token: secret, apiToken: await ctx.em.fork().findOne(ApiToken, { id }) };
  }

  @Mutation(() => ApiTokenPayload, { description: 'Admins: revoke a token; it stops working at once.' })
  async revokeApiToken(@Arg('input', () => RevokeApiTokenInput) input: RevokeApiTokenInput, @Ctx() ctx: Context): Promise<ApiTokenPayload> {
    requireAdmin(ctx);
    const clientMutationId = clientId(input.clientMutationId);
    const id = await ctx.em.fork().transactional(async (em) => {
      const apiToken = await em.findOne(ApiToken, { id: localId('input.tokenId', input.tokenId, 'ApiToken') });
      if (!apiToken) throw codedError('NOT_FOUND', 'no ApiToken with this id', { field: 'input.tokenId' });
      if (apiToken.revokedAt) return { id: apiToken.id, already: true };
      apiToken.revokedAt = new Date();
      await em.flush();
      recordWrite(em, ctx, {
        action: 'revokeApiToken',
        entityType: 'ApiToken',
        entityId: apiToken.id,
        changes: { revokedAt: { before: null, after: apiToken.revokedAt.toISOString() } },
      });
      return { id: apiToken.id, already: false };
    });
    return {
      clientMutationId,
      userErrors: id.already ? [{ code: 'INVALID_STATE', message: 'this token was already revoked', field: 'input.tokenId' }] : [],
      token: null,
      apiToken: await ctx.em.fork().findOne(ApiToken, { id: id.id }),
    };
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => Account)
  account(@Root() apiToken: ApiToken, @Ctx() ctx: Context): Promise<Account | null> {
    return ctx.em.findOne(Account, { id: apiToken.account.id });
  }
}
