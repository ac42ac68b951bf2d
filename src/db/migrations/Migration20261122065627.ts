import { Migration } from '@mikro-orm/migrations';

export class Migration20261122065627 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "country" ("code" char(2) not null, "name" varchar(255) not null, constraint "country_pkey" primary key ("code"));`);

    this.addSql(`create table "document" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(500) not null, "language" char(3) not null, "language_detected" boolean not null default true, "text" text not null, "origin_kind" text check ("origin_kind" in ('FILE', 'URL', 'TEXT')) not null, "origin" varchar(2000) not null, "checksum" char(64) not null);`);
    this.addSql(`create index "document_language_index" on "document" ("language");`);
    this.addSql(`alter table "document" add constraint "document_checksum_unique" unique ("checksum");`);

    this.addSql(`create table "claim" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "subject_type" varchar(40) not null, "subject_id" int not null, "field" varchar(80) not null, "value" jsonb null, "document_id" int null, "start_offset" int null, "end_offset" int null, "quote" text null, "shown" boolean not null default true, "note" text null, "origin" text check ("origin" in ('SEED', 'IMPORT', 'INGEST', 'EDITOR')) not null, "source_ref" varchar(500) null, constraint claim_span_check check (start_offset is null or (start_offset >= 0 and end_offset > start_offset)));`);
    this.addSql(`create index "claim_document_id_index" on "claim" ("document_id");`);
    this.addSql(`create index "claim_subject_type_subject_id_field_index" on "claim" ("subject_type", "subject_id", "field");`);

    this.addSql(`create table "external_id" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "source" varchar(80) not null, "entity_type" varchar(40) not null, "external_id" varchar(300) not null, "entity_id" int not null);`);
    this.addSql(`create index "external_id_entity_type_entity_id_index" on "external_id" ("entity_type", "entity_id");`);
    this.addSql(`alter table "external_id" add constraint "external_id_source_entity_type_external_id_unique" unique ("source", "entity_type", "external_id");`);

    this.addSql(`create table "organisation" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(500) not null, "name_language" char(3) null, "name_en" varchar(500) null, "name_en_translation" boolean not null default false, "transliteration" varchar(500) null, "acronyms" text[] not null default '{}', "name_key" varchar(500) not null, "type" text check ("type" in ('PUBLIC_AUTHORITY', 'REGIONAL_DEVELOPMENT_AGENCY', 'CHAMBER', 'UNIVERSITY_OR_RESEARCH', 'CLUSTER_ORGANISATION', 'SME', 'ASSOCIATION', 'OTHER')) null, "country_code" char(2) null, "region" varchar(255) null, "city" varchar(255) null, "website" varchar(255) null);`);
    this.addSql(`create index "organisation_name_key_index" on "organisation" ("name_key");`);
    this.addSql(`create index "organisation_type_index" on "organisation" ("type");`);
    this.addSql(`create index "organisation_country_code_index" on "organisation" ("country_code");`);
    this.addSql(`create index "organisation_region_index" on "organisation" ("region");`);

    this.addSql(`create table "document_organisation" ("document_id" int not null, "organisation_id" int not null, constraint "document_organisation_pkey" primary key ("document_id", "organisation_id"));`);
    this.addSql(`create index "document_organisation_organisation_id_index" on "document_organisation" ("organisation_id");`);

    this.addSql(`create table "policy" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "names" jsonb not null, "descriptions" jsonb not null, "level" text check ("level" in ('REGIONAL', 'NATIONAL', 'TRANSNATIONAL')) null, "territory" varchar(255) null);`);
    this.addSql(`create index "policy_level_index" on "policy" ("level");`);

    this.addSql(`create table "programme" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(120) not null, "name" varchar(255) not null, "names" jsonb not null, "period_start" int null, "period_end" int null, "strand" text check ("strand" in ('TRANSNATIONAL', 'CROSS_BORDER', 'INTERREGIONAL')) null, "funding_instruments" text[] not null default '{}', "website" varchar(255) null, "stated_country_count" int null, "stated_population" varchar(255) null, constraint programme_period_check check (period_start >= 1950 and period_start <= 2100 and period_end >= period_start));`);
    this.addSql(`alter table "programme" add constraint "programme_code_unique" unique ("code");`);

    this.addSql(`create table "document_programme" ("document_id" int not null, "programme_id" int not null, constraint "document_programme_pkey" primary key ("document_id", "programme_id"));`);
    this.addSql(`create index "document_programme_programme_id_index" on "document_programme" ("programme_id");`);

    this.addSql(`create table "call" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" int not null, "ordinal" int not null, "name" varchar(255) null, "year" int null, constraint call_ordinal_check check (ordinal > 0));`);
    this.addSql(`alter table "call" add constraint "call_programme_id_ordinal_unique" unique ("programme_id", "ordinal");`);

    this.addSql(`create table "programme_eligibility" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "programme_id" int not null, "country_code" char(2) not null, "coverage" text check ("coverage" in ('WHOLE', 'PARTIAL')) not null, "regions" text[] not null default '{}');`);
    this.addSql(`create index "programme_eligibility_country_code_index" on "programme_eligibility" ("country_code");`);
    this.addSql(`alter table "programme_eligibility" add constraint "programme_eligibility_programme_id_country_code_unique" unique ("programme_id", "country_code");`);

    this.addSql(`create table "project" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "acronym" varchar(60) not null, "acronym_key" varchar(60) not null, "name_variants" text[] not null default '{}', "titles" jsonb not null, "reference_code" varchar(40) null, "programme_id" int not null, "call_id" int null, "status" text check ("status" in ('PLANNED', 'ONGOING', 'FINISHED')) null, "start_date" date null, "end_date" date null, "duration_months" int null, "total_budget_amount" numeric(16,2) null, "total_budget_currency" char(3) null, "eu_contribution_amount" numeric(16,2) null, "eu_contribution_currency" char(3) null, "cofinancing_rate" numeric(5,4) null, "stated_partner_count" int null, "stated_country_count" int null, "websites" text[] not null default '{}', "statements" jsonb not null, "work_packages" jsonb not null, constraint project_counts_check check ((stated_partner_count is null or stated_partner_count >= 0) and (stated_country_count is null or stated_country_count >= 0) and (duration_months is null or duration_months > 0)), constraint project_cofinancing_rate_check check (cofinancing_rate is null or (cofinancing_rate >= 0 and cofinancing_rate <= 1)), constraint project_dates_check check (end_date is null or start_date is null or end_date >= start_date));`);
    this.addSql(`create index "project_acronym_key_index" on "project" ("acronym_key");`);
    this.addSql(`alter table "project" add constraint "project_reference_code_unique" unique ("reference_code");`);
    this.addSql(`create index "project_programme_id_index" on "project" ("programme_id");`);
    this.addSql(`create index "project_call_id_index" on "project" ("call_id");`);
    this.addSql(`create index "project_status_index" on "project" ("status");`);
    this.addSql(`create index "project_start_date_index" on "project" ("start_date");`);
    this.addSql(`create index "project_end_date_index" on "project" ("end_date");`);
    this.addSql(`alter table "project" add constraint "project_programme_id_acronym_key_unique" unique ("programme_id", "acronym_key");`);

    this.addSql(`create table "policy_project" ("policy_id" int not null, "project_id" int not null, "relation" text check ("relation" in ('ASSESSED', 'PRODUCED', 'ADDRESSED')) not null, constraint "policy_project_pkey" primary key ("policy_id", "project_id"));`);
    this.addSql(`create index "policy_project_project_id_index" on "policy_project" ("project_id");`);

    this.addSql(`create table "participation" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" int not null, "organisation_id" int not null, "role" text check ("role" in ('LEAD_PARTNER', 'PARTNER', 'ASSOCIATED', 'OBSERVER')) not null, "budget_share_amount" numeric(16,2) null, "budget_share_currency" char(3) null);`);
    this.addSql(`create index "participation_organisation_id_index" on "participation" ("organisation_id");`);
    this.addSql(`create index "participation_role_index" on "participation" ("role");`);
    this.addSql(`alter table "participation" add constraint "participation_project_id_organisation_id_unique" unique ("project_id", "organisation_id");`);

    this.addSql(`create table "output" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" int not null, "type" text check ("type" in ('STRATEGY', 'ACTION_PLAN', 'TOOL', 'CATALOGUE', 'STUDY', 'BENCHMARKING_REPORT', 'CLUSTER_MAPPING', 'COMMUNICATION_PLAN', 'WEB_PORTAL', 'PILOT_ACTION', 'META_CLUSTER', 'PLATFORM', 'PLAN', 'EVENT', 'OTHER')) not null, "titles" jsonb not null, "descriptions" jsonb not null, "languages" text[] not null default '{}', "url" varchar(2000) null, "date" date null, "licence" varchar(100) null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED')) not null default 'PUBLISHED', constraint output_date_check check (date >= '1950-01-01'::date and date <= '2100-12-31'::date));`);
    this.addSql(`create index "output_project_id_index" on "output" ("project_id");`);
    this.addSql(`create index "output_type_index" on "output" ("type");`);
    this.addSql(`create index "output_status_index" on "output" ("status");`);

    this.addSql(`create table "output_producer" ("output_id" int not null, "organisation_id" int not null, constraint "output_producer_pkey" primary key ("output_id", "organisation_id"));`);
    this.addSql(`create index "output_producer_organisation_id_index" on "output_producer" ("organisation_id");`);

    this.addSql(`create table "event" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(500) not null, "date" date null, "place" varchar(255) null, "project_id" int null);`);
    this.addSql(`create index "event_date_index" on "event" ("date");`);
    this.addSql(`create index "event_project_id_index" on "event" ("project_id");`);

    this.addSql(`create table "document_project" ("document_id" int not null, "project_id" int not null, constraint "document_project_pkey" primary key ("document_id", "project_id"));`);
    this.addSql(`create index "document_project_project_id_index" on "document_project" ("project_id");`);

    this.addSql(`create table "contact" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(300) not null, "role" varchar(255) null, "email" varchar(255) null, "phone" varchar(255) null, "organisation_id" int null, "project_id" int null);`);
    this.addSql(`create index "contact_organisation_id_index" on "contact" ("organisation_id");`);
    this.addSql(`create index "contact_project_id_index" on "contact" ("project_id");`);

    this.addSql(`create table "project_link" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" int not null, "kind" text check ("kind" in ('COOPERATES_WITH', 'FOLLOW_UP_OF', 'BUILDS_ON', 'SIMILAR_INITIATIVE')) not null, "target_project_id" int null, "target_name" varchar(255) not null);`);
    this.addSql(`create index "project_link_target_project_id_index" on "project_link" ("target_project_id");`);
    this.addSql(`alter table "project_link" add constraint "project_link_project_id_kind_target_name_unique" unique ("project_id", "kind", "target_name");`);

    this.addSql(`create table "search_outbox" ("id" bigserial primary key, "entity_type" varchar(40) not null, "entity_id" int not null, "operation" text check ("operation" in ('UPSERT', 'DELETE')) not null, "attempts" int not null default 0, "available_at" timestamptz not null default now(), "last_error" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "search_outbox_available_at_index" on "search_outbox" ("available_at");`);

    this.addSql(`create table "sector" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(80) not null, "labels" jsonb not null);`);
    this.addSql(`alter table "sector" add constraint "sector_code_unique" unique ("code");`);

    this.addSql(`create table "project_sector" ("project_id" int not null, "sector_id" int not null, constraint "project_sector_pkey" primary key ("project_id", "sector_id"));`);
    this.addSql(`create index "project_sector_sector_id_index" on "project_sector" ("sector_id");`);

    this.addSql(`create table "best_practice" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" int not null, "titles" jsonb not null, "summaries" jsonb not null, "organisation_id" int null, "cluster_name" varchar(255) null, "sector_id" int null, "country_code" char(2) null, "evidence" text null, "transferability" text null, "required_contents" text[] not null default '{}', "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED')) not null default 'PUBLISHED');`);
    this.addSql(`create index "best_practice_project_id_index" on "best_practice" ("project_id");`);
    this.addSql(`create index "best_practice_organisation_id_index" on "best_practice" ("organisation_id");`);
    this.addSql(`create index "best_practice_sector_id_index" on "best_practice" ("sector_id");`);
    this.addSql(`create index "best_practice_country_code_index" on "best_practice" ("country_code");`);
    this.addSql(`create index "best_practice_status_index" on "best_practice" ("status");`);

    this.addSql(`create table "theme" ("id" serial primary key, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "code" varchar(80) not null, "labels" jsonb not null);`);
    this.addSql(`alter table "theme" add constraint "theme_code_unique" unique ("code");`);

    this.addSql(`create table "project_theme" ("project_id" int not null, "theme_id" int not null, constraint "project_theme_pkey" primary key ("project_id", "theme_id"));`);
    this.addSql(`create index "project_theme_theme_id_index" on "project_theme" ("theme_id");`);

    this.addSql(`create table "policy_theme" ("policy_id" int not null, "theme_id" int not null, constraint "policy_theme_pkey" primary key ("policy_id", "theme_id"));`);
    this.addSql(`create index "policy_theme_theme_id_index" on "policy_theme" ("theme_id");`);

    this.addSql(`create table "best_practice_theme" ("best_practice_id" int not null, "theme_id" int not null, constraint "best_practice_theme_pkey" primary key ("best_practice_id", "theme_id"));`);
    this.addSql(`create index "best_practice_theme_theme_id_index" on "best_practice_theme" ("theme_id");`);

    this.addSql(`alter table "claim" add constraint "claim_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "organisation" add constraint "organisation_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "document_organisation" add constraint "document_organisation_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "document_organisation" add constraint "document_organisation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "document_programme" add constraint "document_programme_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "document_programme" add constraint "document_programme_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "call" add constraint "call_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "programme_eligibility" add constraint "programme_eligibility_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "programme_eligibility" add constraint "programme_eligibility_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade;`);

    this.addSql(`alter table "project" add constraint "project_programme_id_foreign" foreign key ("programme_id") references "programme" ("id") on update cascade;`);
    this.addSql(`alter table "project" add constraint "project_call_id_foreign" foreign key ("call_id") references "call" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "policy_project" add constraint "policy_project_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_project" add constraint "policy_project_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "participation" add constraint "participation_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`);

    this.addSql(`alter table "output" add constraint "output_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "output_producer" add constraint "output_producer_output_id_foreign" foreign key ("output_id") references "output" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "output_producer" add constraint "output_producer_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event" add constraint "event_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "document_project" add constraint "document_project_document_id_foreign" foreign key ("document_id") references "document" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "document_project" add constraint "document_project_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contact" add constraint "contact_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "contact" add constraint "contact_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_link" add constraint "project_link_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_link" add constraint "project_link_target_project_id_foreign" foreign key ("target_project_id") references "project" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "project_sector" add constraint "project_sector_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_sector" add constraint "project_sector_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "best_practice" add constraint "best_practice_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "best_practice" add constraint "best_practice_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "best_practice" add constraint "best_practice_sector_id_foreign" foreign key ("sector_id") references "sector" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "best_practice" add constraint "best_practice_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete set null;`);

    this.addSql(`alter table "project_theme" add constraint "project_theme_project_id_foreign" foreign key ("project_id") references "project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_theme" add constraint "project_theme_theme_id_foreign" foreign key ("theme_id") references "theme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "policy_theme" add constraint "policy_theme_policy_id_foreign" foreign key ("policy_id") references "policy" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "policy_theme" add constraint "policy_theme_theme_id_foreign" foreign key ("theme_id") references "theme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "best_practice_theme" add constraint "best_practice_theme_best_practice_id_foreign" foreign key ("best_practice_id") references "best_practice" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "best_practice_theme" add constraint "best_practice_theme_theme_id_foreign" foreign key ("theme_id") references "theme" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "organisation" drop constraint "organisation_country_code_foreign";`);

    this.addSql(`alter table "programme_eligibility" drop constraint "programme_eligibility_country_code_foreign";`);

    this.addSql(`alter table "best_practice" drop constraint "best_practice_country_code_foreign";`);

    this.addSql(`alter table "claim" drop constraint "claim_document_id_foreign";`);

    this.addSql(`alter table "document_organisation" drop constraint "document_organisation_document_id_foreign";`);

    this.addSql(`alter table "document_programme" drop constraint "document_programme_document_id_foreign";`);

    this.addSql(`alter table "document_project" drop constraint "document_project_document_id_foreign";`);

    this.addSql(`alter table "document_organisation" drop constraint "document_organisation_organisation_id_foreign";`);

    this.addSql(`alter table "participation" drop constraint "participation_organisation_id_foreign";`);

    this.addSql(`alter table "output_producer" drop constraint "output_producer_organisation_id_foreign";`);

    this.addSql(`alter table "contact" drop constraint "contact_organisation_id_foreign";`);

    this.addSql(`alter table "best_practice" drop constraint "best_practice_organisation_id_foreign";`);

    this.addSql(`alter table "policy_project" drop constraint "policy_project_policy_id_foreign";`);

    this.addSql(`alter table "policy_theme" drop constraint "policy_theme_policy_id_foreign";`);

    this.addSql(`alter table "document_programme" drop constraint "document_programme_programme_id_foreign";`);

    this.addSql(`alter table "call" drop constraint "call_programme_id_foreign";`);

    this.addSql(`alter table "programme_eligibility" drop constraint "programme_eligibility_programme_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_programme_id_foreign";`);

    this.addSql(`alter table "project" drop constraint "project_call_id_foreign";`);

    this.addSql(`alter table "policy_project" drop constraint "policy_project_project_id_foreign";`);

    this.addSql(`alter table "participation" drop constraint "participation_project_id_foreign";`);

    this.addSql(`alter table "output" drop constraint "output_project_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_project_id_foreign";`);

    this.addSql(`alter table "document_project" drop constraint "document_project_project_id_foreign";`);

    this.addSql(`alter table "contact" drop constraint "contact_project_id_foreign";`);

    this.addSql(`alter table "project_link" drop constraint "project_link_project_id_foreign";`);

    this.addSql(`alter table "project_link" drop constraint "project_link_target_project_id_foreign";`);

    this.addSql(`alter table "project_sector" drop constraint "project_sector_project_id_foreign";`);

    this.addSql(`alter table "best_practice" drop constraint "best_practice_project_id_foreign";`);

    this.addSql(`alter table "project_theme" drop constraint "project_theme_project_id_foreign";`);

    this.addSql(`alter table "output_producer" drop constraint "output_producer_output_id_foreign";`);

    this.addSql(`alter table "project_sector" drop constraint "project_sector_sector_id_foreign";`);

    this.addSql(`alter table "best_practice" drop constraint "best_practice_sector_id_foreign";`);

    this.addSql(`alter table "best_practice_theme" drop constraint "best_practice_theme_best_practice_id_foreign";`);

    this.addSql(`alter table "project_theme" drop constraint "project_theme_theme_id_foreign";`);

    this.addSql(`alter table "policy_theme" drop constraint "policy_theme_theme_id_foreign";`);

    this.addSql(`alter table "best_practice_theme" drop constraint "best_practice_theme_theme_id_foreign";`);

    this.addSql(`drop table if exists "country" cascade;`);

    this.addSql(`drop table if exists "document" cascade;`);

    this.addSql(`drop table if exists "claim" cascade;`);

    this.addSql(`drop table if exists "external_id" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "document_organisation" cascade;`);

    this.addSql(`drop table if exists "policy" cascade;`);

    this.addSql(`drop table if exists "programme" cascade;`);

    this.addSql(`drop table if exists "document_programme" cascade;`);

    this.addSql(`drop table if exists "call" cascade;`);

    this.addSql(`drop table if exists "programme_eligibility" cascade;`);

    this.addSql(`drop table if exists "project" cascade;`);

    this.addSql(`drop table if exists "policy_project" cascade;`);

    this.addSql(`drop table if exists "participation" cascade;`);

    this.addSql(`drop table if exists "output" cascade;`);

    this.addSql(`drop table if exists "output_producer" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);

    this.addSql(`drop table if exists "document_project" cascade;`);

    this.addSql(`drop table if exists "contact" cascade;`);

    this.addSql(`drop table if exists "project_link" cascade;`);

    this.addSql(`drop table if exists "search_outbox" cascade;`);

    this.addSql(`drop table if exists "sector" cascade;`);

    this.addSql(`drop table if exists "project_sector" cascade;`);

    this.addSql(`drop table if exists "best_practice" cascade;`);

    this.addSql(`drop table if exists "theme" cascade;`);

    this.addSql(`drop table if exists "project_theme" cascade;`);

    this.addSql(`drop table if exists "policy_theme" cascade;`);

    this.addSql(`drop table if exists "best_practice_theme" cascade;`);
  }

}
