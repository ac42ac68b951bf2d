import type { EntityManager } from '@mikro-orm/postgresql';
import { Country } from './country.entity';
import { allCountries } from './country.codes';

/** The ISO country list is reference data: inserted or corrected on every start, cheaply. */
export async function ensureReferenceData(em: EntityManager): Promise<void> {
  const countries = allCountries();
  const existing = await em.find(Country, {});
  const byCode = new Map(existing.map((c) => [c.code, c]));
  for (const { code, name } of countries) {
    const row = byCode.get(code);
    if (!row) em.persist(em.create(Country, { code, name }));
    else if (row.name !== name) row.name = name;
  }
  await em.flush();
}
