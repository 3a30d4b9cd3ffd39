/** The 600 generated institutions: ministries and agencies, and regional offices over the real Kemendagri regions. */
import { randomUUID } from 'node:crypto';

const CENTRAL = [
  ['bps', 'Badan Pusat Statistik'],
  ['kemenkes', 'Kementerian Kesehatan'],
  ['kemendikbud', 'Kementerian Pendidikan dan Kebudayaan'],
  ['kemensos', 'Kementerian Sosial'],
  ['kementan', 'Kementerian Pertanian'],
  ['kemenpupr', 'Kementerian Pekerjaan Umum dan Perumahan Rakyat'],
  ['bappenas', 'Kementerian PPN/Bappenas'],
  ['kemnaker', 'Kementerian Ketenagakerjaan'],
  ['klhk', 'Kementerian Lingkungan Hidup dan Kehutanan'],
  ['kemenhub', 'Kementerian Perhubungan'],
  ['bnpb', 'Badan Nasional Penanggulangan Bencana'],
  ['kkp', 'Kementerian Kelautan dan Perikanan'],
] as const;
const AGENCIES = [
  ['dinkes', 'Dinas Kesehatan'],
  ['disdik', 'Dinas Pendidikan'],
  ['bappeda', 'Badan Perencanaan Pembangunan Daerah'],
  ['distan', 'Dinas Pertanian'],
  ['dinsos', 'Dinas Sosial'],
  ['dpupr', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
  ['diskominfo', 'Dinas Komunikasi dan Informatika'],
] as const;
export interface Org {
  id: string;
  name: string;
  title: string;
  level: string;
  region: string | null;
  regionName: string;
}

/** Central institutions, then six agencies in every province, then regency agencies up to 600. */
export function institutions(
  provinces: { code: string; name: string }[],
  regencies: { code: string; name: string }[],
): Org[] {
  const orgs: Org[] = CENTRAL.map(([name, title]) => ({
    id: randomUUID(),
    name,
    title,
    level: 'central',
    region: null,
    regionName: 'Indonesia',
  }));
  for (const p of provinces)
    for (const [a, t] of AGENCIES.slice(0, 6))
      orgs.push({
        id: randomUUID(),
        name: `${a}-prov-${p.code}`,
        title: `${t} Provinsi ${p.name}`,
        level: 'province',
        region: p.code,
        regionName: `Provinsi ${p.name}`,
      });
  for (let i = 0; orgs.length < 600; i++) {
    const r = regencies[(i * 7) % regencies.length] as { code: string; name: string };
    const [a, t] = AGENCIES[i % AGENCIES.length] as readonly [string, string];
    orgs.push({
      id: randomUUID(),
      name: `${a}-${r.code.replace('.', '-')}`,
      title: `${t} ${r.name}`,
      level: 'regency',
      region: r.code,
      regionName: r.name,
    });
  }
  return orgs;
}
