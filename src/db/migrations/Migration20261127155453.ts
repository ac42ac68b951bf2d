import { Migration } from '@mikro-orm/migrations';

export class Migration20261127155453 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "project_programme_id_index";`);

    this.addSql(`create index "project_programme_id_aggregates_index" on "project" ("programme_id") include ("id", "start_date", "end_date",
    "total_budget_currency", "total_budget_amount", "eu_contribution_currency", "eu_contribution_amount");`);

    this.addSql(`drop index "participation_organisation_id_index";`);

    this.addSql(`create index "participation_organisation_id_project_id_index" on "participation" ("organisation_id", "project_id");`);

    this.addSql(`drop index "output_project_id_index";`);

    this.addSql(`create index "output_project_id_status_index" on "output" ("project_id", "status");`);

    this.addSql(`drop index "project_sector_sector_id_index";`);

    this.addSql(`create index "project_sector_sector_id_project_id_index" on "project_sector" ("sector_id", "project_id");`);

    this.addSql(`drop index "project_theme_theme_id_index";`);

    this.addSql(`create index "project_theme_theme_id_project_id_index" on "project_theme" ("theme_id", "project_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "output_project_id_status_index";`);

    this.addSql(`create index "output_project_id_index" on "output" ("project_id");`);

    this.addSql(`drop index "participation_organisation_id_project_id_index";`);

    this.addSql(`create index "participation_organisation_id_index" on "participation" ("organisation_id");`);

    this.addSql(`drop index "project_programme_id_aggregates_index";`);

    this.addSql(`create index "project_programme_id_index" on "project" ("programme_id");`);

    this.addSql(`drop index "project_sector_sector_id_project_id_index";`);

    this.addSql(`create index "project_sector_sector_id_index" on "project_sector" ("sector_id");`);

    this.addSql(`drop index "project_theme_theme_id_project_id_index";`);

    this.addSql(`create index "project_theme_theme_id_index" on "project_theme" ("theme_id");`);
  }

}
