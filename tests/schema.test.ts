import { readFileSync } from 'node:fs';
import { printSortedSchema, schemaFile } from '../src/cli/emit-schema';
import { connectOrm } from '../src/db/database';
import { createTestApp, TestApp } from './helpers/test-app';

describe('schema drift', () => {
  it('the committed SDL equals the schema the code builds (run `npm run schema:emit`)', async () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(await printSortedSchema());
  });
});

describe('migrations', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('the committed migrations produce exactly the schema the entities describe (run `npm run migration:create`)', async () => {
    const orm = await connectOrm(app.databaseUrl);
    try {
      const diff = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe('');
      expect(await orm.getMigrator().checkMigrationNeeded()).toBe(false);
    } finally {
      await orm.close();
    }
  });
});
