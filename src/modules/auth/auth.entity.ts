import { Check, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { BaseEntity } from '../../db/base.entity';
import { Organisation } from '../organisation/organisation.entity';

export enum AccountRole {
  PARTNER = 'PARTNER',
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}
registerEnumType(AccountRole, { name: 'AccountRole' });

/** Someone who writes: a partner bound to one organisation, an editor, or an admin. */
@ObjectType({ description: 'A signed-in writer (visible to admins, and to the account itself through `viewer`).' })
@Entity({ tableName: 'account' })
@Check({ name: 'account_partner_organisation_check', expression: "role <> 'PARTNER' or organisation_id is not null" })
export class Account extends BaseEntity {
  @Field(() => ID, { name: 'id' })
  globalId(): string {
    return this.nodeId;
  }

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => AccountRole)
  @Enum({ items: () => AccountRole })
  role!: AccountRole;

  @ManyToOne({ entity: () => Organisation, nullable: true })
  @Index()
  organisation?: Organisation;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  disabled: boolean = false;
}

/** An API token. Only its sha256 is stored; the token itself is shown once, when created. */
@ObjectType({ description: 'An API token as listed to admins; the token itself is shown once, when created.' })
@Entity({ tableName: 'api_token' })
@Unique({ properties: ['tokenHash'] })
export class ApiToken extends BaseEntity {
  @Field(() => ID, { name: 'id' })
  globalId(): string {
    return this.nodeId;
  }

  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  @Index()
  account!: Account;

  @Property({ type: 'string', columnType: 'char(64)' })
  tokenHash!: string;

  /** The first characters of the token, to tell tokens apart in listings without revealing them. */
  @Field(() => String)
  @Property({ type: 'string', length: 16 })
  prefix!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  label?: string;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date;

  @Field(() => DateTimeResolver, { nullable: true })
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date;
}

/** The first answer to a mutation sent with an idempotency key: a retry gets it back unchanged. */
@Entity({ tableName: 'idempotency_record' })
@Unique({ properties: ['account', 'key'] })
export class IdempotencyRecord extends BaseEntity {
  @ManyToOne({ entity: () => Account, deleteRule: 'cascade' })
  account!: Account;

  @Property({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'string', length: 80 })
  mutation!: string;

  /** sha256 of the mutation's input: the same key with different input is a client error. */
  @Property({ type: 'string', columnType: 'char(64)' })
  requestHash!: string;

  @Property({ type: 'json' })
  response!: unknown;
}
