import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows are visible through the API: a committed change to any of them invalidates cached responses. */
const PUBLISHED_TABLES = [
  'country', 'theme', 'sector', 'programme', 'programme_eligibility', 'call', 'organisation', 'project', 'project_theme',
  'project_sector', 'participation', 'project_link', 'output', 'output_producer', 'best_practice', 'best_practice_theme',
  'policy', 'policy_project', 'policy_theme', 'document', 'document_project', 'document_programme', 'document_organisation',
  'claim', 'event', 'contact',
];

/**
 * NOTIFY clusterbase_data_changed from statement-level triggers. Notifications are delivered only
 * when the transaction commits, and duplicates within one transaction are folded into one, so a
 * bulk import costs one notification, not one per row.
 */
export class Migration20261122073000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function clusterbase_notify_data_changed() returns trigger language plpgsql as $$
      begin
        perform pg_notify('clusterbase_data_changed', '');
        return null;
      end $$;`);
    for (const table of PUBLISHED_TABLES) {
      this.addSql(`create trigger ${table}_data_changed after insert or update or delete or truncate on "${table}"
        for each statement execute function clusterbase_notify_data_changed();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PUBLISHED_TABLES) this.addSql(`drop trigger if exists ${table}_data_changed on "${table}";`);
    this.addSql('drop function if exists clusterbase_notify_data_changed();');
  }
}
