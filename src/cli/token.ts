/**
 * `npm run token -- <command>`: API accounts and tokens, straight in the database.
 *   create --role partner|editor|admin --name "…" [--org <organisation id or global id>] [--account <id>] [--label "…"] [--expires 90d]
 *          creates the account (or adds a token to --account) and prints the token ONCE
 *   revoke <token prefix or id>
 *   list
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { startDatabase } from '../app';
import { loadConfig } from '../config';
import { decodeGlobalId } from '../graphql/global-id';
import { createLogger } from '../logger';
import { recordWrite } from '../modules/audit/audit.service';
import { Account, AccountRole, ApiToken } from '../modules/auth/auth.entity';
import { createAccount, issueToken, parseExpiry, revokeTokens } from '../modules/auth/auth.service';
import { Organisation } from '../modules/organisation/organisation.entity';

const USAGE = `usage:
  npm run token -- create --role partner --org <organisation id> --name "Partner name" [--label "…"] [--expires 90d]
  npm run token -- create --role editor|admin --name "Name" [--expires 90d]
  npm run token -- create --account <account id> [--label "…"] [--expires 90d]   (another token for an account)
  npm run token -- revoke <token prefix or id>
  npm run token -- list`;

function localId(value: string, type: string): number {
  if (/^\d+$/.test(value)) return Number(value);
  const decoded = decodeGlobalId(value, type);
  if (decoded.typeName !== type) throw new Error(`${value} is not a${/^[AEIOU]/.test(type) ? 'n' : ''} ${type} id`);
  return decoded.localId;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      name: { type: 'string' },
      account: { type: 'string' },
      label: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  const [command, argument] = positionals;
  if (!['create', 'revoke', 'list'].includes(command ?? '')) throw new Error(USAGE);
  const config = { ...loadConfig(), SEED_ON_EMPTY: false };
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const database = await startDatabase(config, logger);
  const audit = { viewer: null, requestId: 'cli:token' };
  try {
    const em = database.orm.em.fork();
    if (command === 'create') {
      const expiresAt = values.expires ? parseExpiry(values.expires) : undefined;
      const { token, account, apiToken } = await em.transactional(async (tx) => {
        let account: Account | null;
        if (values.account) {
          account = await tx.findOne(Account, { id: localId(values.account, 'Account') });
          if (!account) throw new Error(`no account ${values.account}`);
        } else {
          const role = values.role?.toUpperCase() as AccountRole | undefined;
          if (!role || !Object.values(AccountRole).includes(role)) throw new Error(`--role must be partner, editor or admin\n${USAGE}`);
          if (!values.name?.trim()) throw new Error(`--name is required\n${USAGE}`);
          let organisationId: number | undefined;
          if (role === AccountRole.PARTNER) {
            if (!values.org) throw new Error(`a partner needs --org <organisation id>\n${USAGE}`);
            const organisation = await tx.findOne(Organisation, { id: localId(values.org, 'Organisation') });
            if (!organisation) throw new Error(`no organisation ${values.org}`);
            organisationId = organisation.id;
          } else if (values.org) {
            throw new Error('only partner accounts are bound to an organisation');
          }
          account = createAccount(tx, { name: values.name.trim().slice(0, 200), role, organisationId });
          await tx.flush();
          recordWrite(tx, audit, {
            action: 'createAccount',
            entityType: 'Account',
            entityId: account.id,
            changes: { name: { before: null, after: account.name }, role: { before: null, after: role }, organisation: { before: null, after: organisationId ?? null } },
          });
        }
        const issued = issueToken(tx, account, values.label, expiresAt);
        await tx.flush();
        recordWrite(tx, audit, {
          action: 'createApiToken',
          entityType: 'ApiToken',
          entityId: issued.apiToken.id,
          changes: { account: { before: null, after: account.id }, prefix: { before: null, after: issued.apiToken.prefix } },
        });
        return { token: issued.token, account, apiToken: issued.apiToken };
      });
      console.log(`account ${account.id} (${account.role}${account.organisation ? `, organisation ${account.organisation.id}` : ''}): ${account.name}`);
      console.log(`token id ${apiToken.id}, prefix ${apiToken.prefix}${expiresAt ? `, expires ${expiresAt.toISOString()}` : ', never expires'}`);
      console.log('\nThe token is shown this once and cannot be recovered (only its hash is stored):\n');
      console.log(token);
    } else if (command === 'revoke') {
      if (!argument) throw new Error(USAGE);
      const revoked = await em.transactional(async (tx) => {
        const tokens = await revokeTokens(tx, argument);
        for (const t of tokens) {
          recordWrite(tx, audit, { action: 'revokeApiToken', entityType: 'ApiToken', entityId: t.id, changes: { revokedAt: { before: null, after: t.revokedAt!.toISOString() } } });
        }
        return tokens;
      });
      if (!revoked.length) throw new Error(`no active token with id or prefix "${argument}"`);
      for (const t of revoked) console.log(`revoked token ${t.id} (${t.prefix})`);
    } else {
      const tokens = await em.find(ApiToken, {}, { populate: ['account'], orderBy: { id: 'asc' } });
      console.log(['id', 'prefix', 'account', 'role', 'org', 'label', 'expires', 'last used', 'state'].join('\t'));
      for (const t of tokens) {
        const state = t.revokedAt ? 'revoked' : t.expiresAt && t.expiresAt < new Date() ? 'expired' : t.account.disabled ? 'disabled' : 'active';
        console.log(
          [t.id, t.prefix, `${t.account.id} ${t.account.name}`, t.account.role, t.account.organisation?.id ?? '', t.label ?? '',
            t.expiresAt?.toISOString() ?? '', t.lastUsedAt?.toISOString() ?? '', state].join('\t'),
        );
      }
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
