/** The demo's institutions (real names, synthetic data). */
export interface DemoInstitution {
  readonly name: string;
  readonly title: string;
  readonly org_type: 'ministry' | 'agency';
  readonly description: string;
}

export const DEMO_INSTITUTIONS: readonly DemoInstitution[] = [
  { name: 'bps', title: 'Badan Pusat Statistik', org_type: 'agency', description: 'Pembina data statistik.' },
  {
    name: 'kemenkes',
    title: 'Kementerian Kesehatan',
    org_type: 'ministry',
    description: 'Urusan kesehatan.',
  },
  {
    name: 'kemendikdasmen',
    title: 'Kementerian Pendidikan Dasar dan Menengah',
    org_type: 'ministry',
    description: 'Urusan pendidikan dasar dan menengah.',
  },
  {
    name: 'kementan',
    title: 'Kementerian Pertanian',
    org_type: 'ministry',
    description: 'Urusan pertanian.',
  },
  { name: 'kemensos', title: 'Kementerian Sosial', org_type: 'ministry', description: 'Urusan sosial.' },
  {
    name: 'kementerian-pu',
    title: 'Kementerian Pekerjaan Umum',
    org_type: 'ministry',
    description: 'Urusan jalan, jembatan, sumber daya air dan air minum.',
  },
  {
    name: 'kemensetneg',
    title: 'Kementerian Sekretariat Negara',
    org_type: 'ministry',
    description: 'Dukungan kepada Presiden dan kehumasan pemerintah.',
  },
  {
    name: 'ksp',
    title: 'Kantor Staf Presiden',
    org_type: 'agency',
    description: 'Pengendalian program prioritas nasional (Ruang Kendali).',
  },
];
