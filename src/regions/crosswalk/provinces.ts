/**
 * BPS and Kemendagri province codes (public knowledge, no file copied): the two schemes use the same
 * two digits for every province except in Papua, where BPS kept its own numbering.
 */

/** The 38 Kemendagri province codes. */
export const KEMENDAGRI_PROVINCES: readonly string[] = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
];

/**
 * Papua: BPS 91 Papua Barat = Kemendagri 92; BPS 94 Papua = 91; after the 2022 split BPS 92 Papua Barat
 * Daya = 96, 95 Papua Selatan = 93, 96 Papua Tengah = 94, 97 Papua Pegunungan = 95.
 */
const PAPUA_BPS_TO_KEMENDAGRI: Readonly<Record<string, string>> = {
  '91': '92',
  '94': '91',
  '92': '96',
  '95': '93',
  '96': '94',
  '97': '95',
};

const PAPUA_KEMENDAGRI = new Set(Object.values(PAPUA_BPS_TO_KEMENDAGRI));

/** The 38 rows of the province crosswalk, `{ bps, kemendagri }`. */
export const PROVINCE_CROSSWALK: readonly { readonly bps: string; readonly kemendagri: string }[] = [
  ...KEMENDAGRI_PROVINCES.filter((k) => !PAPUA_KEMENDAGRI.has(k)).map((k) => ({ bps: k, kemendagri: k })),
  ...Object.entries(PAPUA_BPS_TO_KEMENDAGRI).map(([bps, kemendagri]) => ({ bps, kemendagri })),
];
