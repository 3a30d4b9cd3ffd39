/** Common names of provinces and of the country, and the provinces split from others (public knowledge). */

/** Names people write for provinces besides the official one, by Kemendagri code. */
export const PROVINCE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  '11': ['NAD', 'Nanggroe Aceh Darussalam', 'Daerah Istimewa Aceh'],
  '12': ['Sumut'],
  '13': ['Sumbar'],
  '16': ['Sumsel'],
  '19': ['Babel', 'Bangka Belitung', 'Kepulauan Babel'],
  '21': ['Kepri'],
  '31': [
    'DKI Jakarta',
    'DKI',
    'Jakarta',
    'Daerah Khusus Ibukota Jakarta',
    'Daerah Khusus Ibu Kota Jakarta',
    'Daerah Khusus Jakarta',
    'DKJ',
  ],
  '32': ['Jabar'],
  '33': ['Jateng'],
  '34': ['DI Yogyakarta', 'DIY', 'Yogyakarta', 'Jogja', 'Jogjakarta', 'Yogya', 'Jogya', 'Djogjakarta'],
  '35': ['Jatim'],
  '52': ['NTB'],
  '53': ['NTT'],
  '61': ['Kalbar'],
  '62': ['Kalteng'],
  '63': ['Kalsel'],
  '64': ['Kaltim'],
  '65': ['Kaltara'],
  '71': ['Sulut'],
  '72': ['Sulteng'],
  '73': ['Sulsel'],
  '74': ['Sultra'],
  '76': ['Sulbar'],
  '82': ['Malut'],
  '92': ['Pabar'],
  '96': ['PBD'],
};

/** Names of the country, as used on total rows. */
export const COUNTRY_NAMES: readonly string[] = ['Indonesia', 'Republik Indonesia', 'NKRI', 'Nasional'];

/** The code and display name the resolver gives the country (as BPS and the area tables do). */
export const COUNTRY = { code: '0', name: 'Indonesia' } as const;

/**
 * Provinces formed by splitting another (UU 14, 15 and 16 of 2022 from Papua; UU 29 of 2022 from
 * Papua Barat). Files from before the split list these regencies under the old province.
 */
export const SPLIT_FROM: Readonly<Record<string, string>> = {
  '93': '91',
  '94': '91',
  '95': '91',
  '96': '92',
};
