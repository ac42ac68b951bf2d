/** Word material for synthetic records in ten EU languages and three scripts. */
export const LANGUAGES = ['eng', 'deu', 'fra', 'ita', 'spa', 'pol', 'ces', 'bul', 'ell', 'hun', 'ron', 'slv'] as const;

export const WORDS: Record<(typeof LANGUAGES)[number], string[]> = {
  eng: ['cluster', 'innovation', 'regional', 'development', 'cooperation', 'small', 'enterprises', 'smart', 'specialisation', 'energy', 'transport', 'digital', 'policy', 'network', 'tourism', 'health', 'skills', 'research'],
  deu: ['Cluster', 'Innovation', 'regionale', 'Entwicklung', 'Zusammenarbeit', 'Unternehmen', 'intelligente', 'Spezialisierung', 'Energie', 'Verkehr', 'digitale', 'Politik', 'Netzwerk', 'Tourismus', 'Gesundheit', 'Forschung'],
  fra: ['pôle', 'innovation', 'régional', 'développement', 'coopération', 'entreprises', 'spécialisation', 'intelligente', 'énergie', 'transport', 'numérique', 'politique', 'réseau', 'tourisme', 'santé', 'recherche'],
  ita: ['cluster', 'innovazione', 'regionale', 'sviluppo', 'cooperazione', 'imprese', 'specializzazione', 'intelligente', 'energia', 'trasporti', 'digitale', 'politica', 'rete', 'turismo', 'salute', 'ricerca'],
  spa: ['clúster', 'innovación', 'regional', 'desarrollo', 'cooperación', 'empresas', 'especialización', 'inteligente', 'energía', 'transporte', 'digital', 'política', 'red', 'turismo', 'salud', 'investigación'],
  pol: ['klaster', 'innowacje', 'regionalny', 'rozwój', 'współpraca', 'przedsiębiorstwa', 'specjalizacja', 'inteligentna', 'energia', 'transport', 'cyfrowy', 'polityka', 'sieć', 'turystyka', 'zdrowie', 'badania'],
  ces: ['klastr', 'inovace', 'regionální', 'rozvoj', 'spolupráce', 'podniky', 'specializace', 'inteligentní', 'energie', 'doprava', 'digitální', 'politika', 'síť', 'cestovní', 'zdraví', 'výzkum'],
  bul: ['клъстер', 'иновации', 'регионално', 'развитие', 'сътрудничество', 'предприятия', 'специализация', 'интелигентна', 'енергия', 'транспорт', 'цифров', 'политика', 'мрежа', 'туризъм', 'здраве', 'изследвания'],
  ell: ['σύμπλεγμα', 'καινοτομία', 'περιφερειακή', 'ανάπτυξη', 'συνεργασία', 'επιχειρήσεις', 'εξειδίκευση', 'έξυπνη', 'ενέργεια', 'μεταφορές', 'ψηφιακή', 'πολιτική', 'δίκτυο', 'τουρισμός', 'υγεία', 'έρευνα'],
  hun: ['klaszter', 'innováció', 'regionális', 'fejlesztés', 'együttműködés', 'vállalkozások', 'specializáció', 'intelligens', 'energia', 'közlekedés', 'digitális', 'politika', 'hálózat', 'turizmus', 'egészség', 'kutatás'],
  ron: ['cluster', 'inovare', 'regională', 'dezvoltare', 'cooperare', 'întreprinderi', 'specializare', 'inteligentă', 'energie', 'transport', 'digital', 'politică', 'rețea', 'turism', 'sănătate', 'cercetare'],
  slv: ['grozd', 'inovacije', 'regionalni', 'razvoj', 'sodelovanje', 'podjetja', 'specializacija', 'pametna', 'energija', 'promet', 'digitalni', 'politika', 'mreža', 'turizem', 'zdravje', 'raziskave'],
};

/** Thirty countries, each with the language its organisations are named in. */
export const COUNTRIES: [string, (typeof LANGUAGES)[number]][] = [
  ['AT', 'deu'], ['BE', 'fra'], ['BG', 'bul'], ['HR', 'slv'], ['CY', 'ell'], ['CZ', 'ces'], ['DK', 'eng'], ['EE', 'eng'],
  ['FI', 'eng'], ['FR', 'fra'], ['DE', 'deu'], ['GR', 'ell'], ['HU', 'hun'], ['IE', 'eng'], ['IT', 'ita'], ['LV', 'eng'],
  ['LT', 'eng'], ['LU', 'fra'], ['MT', 'eng'], ['NL', 'eng'], ['PL', 'pol'], ['PT', 'spa'], ['RO', 'ron'], ['SK', 'ces'],
  ['SI', 'slv'], ['ES', 'spa'], ['SE', 'eng'], ['NO', 'eng'], ['CH', 'deu'], ['RS', 'slv'],
];

export const ORGANISATION_TYPES = ['PUBLIC_AUTHORITY', 'REGIONAL_DEVELOPMENT_AGENCY', 'CHAMBER', 'UNIVERSITY_OR_RESEARCH', 'CLUSTER_ORGANISATION', 'SME', 'ASSOCIATION'];
export const OUTPUT_TYPES = ['STRATEGY', 'ACTION_PLAN', 'TOOL', 'CATALOGUE', 'STUDY', 'BENCHMARKING_REPORT', 'CLUSTER_MAPPING', 'COMMUNICATION_PLAN', 'WEB_PORTAL', 'PILOT_ACTION'];
