/** Writes the sorted SDL to schema/schema.graphql; a test fails when the committed file differs. */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { printSchema } from 'graphql';
import { getSchema } from '../graphql/schema';

export const schemaFile = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

export async function printSortedSchema(): Promise<string> {
  return `${printSchema(await getSchema())}\n`;
}

if (require.main === module) {
  printSortedSchema()
    .then((sdl) => {
      writeFileSync(schemaFile, sdl);
      console.log(`wrote ${schemaFile}`);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
