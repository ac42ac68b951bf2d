import countries from 'i18n-iso-countries';

/** ISO 3166-1 alpha-2 codes and English names, from the maintained i18n-iso-countries list. */
export function allCountries(): { code: string; name: string }[] {
  return Object.entries(countries.getNames('en', { select: 'official' })).map(([code, name]) => ({ code, name }));
}

export function isKnownCountry(code: string): boolean {
  return countries.isValid(code) && /^[A-Z]{2}$/.test(code);
}
