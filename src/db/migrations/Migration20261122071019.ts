import { Migration } from '@mikro-orm/migrations';

export class Migration20261122071019 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "account_id" int null, "action" varchar(80) not null, "entity_type" varchar(40) not null, "entity_id" int not null, "changes" jsonb not null, "request_id" varchar(100) null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "audit_entry_account_id_index" on "audit_entry" ("account_id");`);
    this.addSql(`create index "audit_entry_created_at_index" on "audit_entry" ("created_at");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_index" on "audit_entry" ("entity_type", "entity_id");`);

    this.addSql(`create table "import_run" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "file" varchar(1000) not null, "file_checksum" char(64) not null, "mapping" varchar(200) not null, "status" text check ("status" in ('RUNNING', 'COMPLETED', 'FAILED', 'INTERRUPTED')) not null default 'RUNNING', "committed_rows" int not null default 0, "counts" jsonb not null, "finished_at" timestamptz null);`);
    this.addSql(`create index "import_run_file_checksum_mapping_index" on "import_run" ("file_checksum", "mapping");`);

    this.addSql(`create table "account" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "role" text check ("role" in ('PARTNER', 'EDITOR', 'ADMIN')) not null, "organisation_id" int null, "disabled" boolean not null default false, constraint account_partner_organisation_check check (role <> 'PARTNER' or organisation_id is not null));`);
    this.addSql(`create index "account_organisation_id_index" on "account" ("organisation_id");`);

    this.addSql(`create table "idempotency_record" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "account_id" int not null, "key" varchar(200) not null, "mutation" varchar(80) not null, "request_hash" char(64) not null, "response" jsonb not null);`);
    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_account_id_key_unique" unique ("account_id", "key");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "account_id" int not null, "token_hash" char(64) not null, "prefix" varchar(16) not null, "label" varchar(200) null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`create index "api_token_account_id_index" on "api_token" ("account_id");`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "account" add constraint "account_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "idempotency_record" add constraint "idempotency_record_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_account_id_foreign" foreign key ("account_id") references "account" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "output" add column "submitted_by_id" int null, add column "rejection_reason" text null;`);
    this.addSql(`alter table "output" add constraint "output_submitted_by_id_foreign" foreign key ("submitted_by_id") references "organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "output_submitted_by_id_index" on "output" ("submitted_by_id");`);

    this.addSql(`alter table "best_practice" add column "submitted_by_id" int null, add column "rejection_reason" text null;`);
    this.addSql(`alter table "best_practice" add constraint "best_practice_submitted_by_id_foreign" foreign key ("submitted_by_id") references "organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "best_practice_submitted_by_id_index" on "best_practice" ("submitted_by_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "idempotency_record" drop constraint "idempotency_record_account_id_foreign";`);

    this.addSql(`alter table "api_token" drop constraint "api_token_account_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "import_run" cascade;`);

    this.addSql(`drop table if exists "account" cascade;`);

    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "api_token" cascade;`);

    this.addSql(`alter table "best_practice" drop constraint "best_practice_submitted_by_id_foreign";`);

    this.addSql(`alter table "output" drop constraint "output_submitted_by_id_foreign";`);

    this.addSql(`drop index "best_practice_submitted_by_id_index";`);
    this.addSql(`alter table "best_practice" drop column "submitted_by_id", drop column "rejection_reason";`);

    this.addSql(`drop index "output_submitted_by_id_index";`);
    this.addSql(`alter table "output" drop column "submitted_by_id", drop column "rejection_reason";`);
  }

}
