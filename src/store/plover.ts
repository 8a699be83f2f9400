/**
 * Code tables for the exports: PLOVER quad codes and contexts by CAMEO code (from the CAMEO→PLOVER
 * conversion table of PLOVER draft 0.8), GDELT quad classes by CAMEO root code.
 */

/** PLOVER quad category (1 verbal cooperation … 4 material conflict) of a PLOVER event category. */
export const PLOVER_QUAD: Readonly<Record<string, number>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  INVESTIGATE: 2,
  REQUEST: 3,
  DEMAND: 3,
  ACCUSE: 3,
  REJECT: 3,
  SANCTION: 3,
  THREATEN: 3,
  PROTEST: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

// Context of a CAMEO code in the conversion table; codes it leaves without context are absent.
const CONTEXT: Readonly<Record<string, string>> = {
  '030': 'diplomatic',
  '031': 'diplomatic',
  '0311': 'economic',
  '0312': 'military',
  '0313': 'legal',
  '0314': 'intelligence',
  '032': 'diplomatic',
  '033': 'diplomatic',
  '0331': 'economic',
  '0332': 'military',
  '0333': 'humanitarian',
  '0334': 'peacekeeping',
  '034': 'political_institutions',
  '036': 'diplomatic',
  '037': 'diplomatic',
  '038': 'diplomatic',
  '039': 'diplomatic',
  '045': 'diplomatic',
  '046': 'diplomatic',
  '050': 'diplomatic',
  '051': 'diplomatic',
  '052': 'diplomatic',
  '053': 'diplomatic',
  '054': 'diplomatic',
  '055': 'diplomatic',
  '056': 'diplomatic',
  '057': 'diplomatic',
  '061': 'economic',
  '062': 'military',
  '063': 'legal',
  '064': 'intelligence',
  '071': 'economic',
  '072': 'military',
  '073': 'humanitarian',
  '074': 'peacekeeping',
  '075': 'asylum',
  '081': 'legal',
  '082': 'democracy',
  '083': 'political_institutions',
  '085': 'economic',
  '086': 'diplomatic',
  '087': 'military',
  '114': 'diplomatic',
  '115': 'legal',
  '116': 'legal',
  '123': 'political_institutions',
  '125': 'diplomatic',
  '126': 'diplomatic',
  '127': 'diplomatic',
  '128': 'legal',
  '129': 'diplomatic',
  '132': 'executive',
  '134': 'diplomatic',
  '135': 'diplomatic',
  '136': 'diplomatic',
  '138': 'military',
  '139': 'diplomatic',
  '152': 'military',
  '154': 'military',
  '161': 'diplomatic',
  '162': 'human_security',
  '163': 'diplomatic',
  '164': 'diplomatic',
  '165': 'diplomatic',
  '166': 'diplomatic',
  '171': 'human_security',
  '172': 'executive',
  '173': 'legal',
  '174': 'legal',
  '190': 'military',
  '191': 'military',
  '192': 'military',
  '193': 'military',
  '194': 'military',
  '195': 'military',
};

/**
 * PLOVER context for a CAMEO code, or null. Four-digit codes do not fall back to their base: the
 * table gives some of them another context than the base's.
 *
 * @example ploverContext('0312') // 'military'
 */
export function ploverContext(cameo: string | null): string | null {
  if (!cameo) return null;
  return CONTEXT[cameo] ?? null;
}

/**
 * GDELT QuadClass of a CAMEO code: 1 verbal cooperation (01–05), 2 material cooperation (06–08),
 * 3 verbal conflict (09–13), 4 material conflict (14–20); null for anything else.
 *
 * @example gdeltQuadClass('057') // 1
 */
export function gdeltQuadClass(cameo: string | null): number | null {
  if (!cameo || !/^\d{2}/.test(cameo)) return null;
  const root = Number(cameo.slice(0, 2));
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 8) return 2;
  if (root >= 9 && root <= 13) return 3;
  if (root >= 14 && root <= 20) return 4;
  return null;
}

/** The 61 columns of a GDELT 2.0 event record, in file order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
];

function actorColumns(p: string): string[] {
  return [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((c) => p + c);
}

function geoColumns(p: string): string[] {
  return ['Type', 'FullName', 'CountryCode', 'ADM1Code', 'ADM2Code', 'Lat', 'Long', 'FeatureID'].map(
    (c) => `${p}_${c}`,
  );
}
