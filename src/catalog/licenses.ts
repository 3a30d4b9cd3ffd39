/** CKAN's default licence list (ckan/model/license.py), which CKAN clients expect from license_list. */
export interface License {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly od_conformance: 'approved' | 'not reviewed' | 'rejected';
  readonly osd_conformance: 'approved' | 'not reviewed' | 'rejected';
  readonly family: string;
  readonly status: 'active';
  readonly maintainer: string;
  readonly domain_content: boolean;
  readonly domain_data: boolean;
  readonly domain_software: boolean;
  readonly is_generic?: boolean;
  readonly is_okd_compliant: boolean;
  readonly is_osi_compliant: boolean;
}

const lic = (
  id: string,
  title: string,
  url: string,
  open: boolean,
  extra: Partial<License> = {},
): License => ({
  id,
  title,
  url,
  od_conformance: open ? 'approved' : 'not reviewed',
  osd_conformance: 'not reviewed',
  family: '',
  status: 'active',
  maintainer: '',
  domain_content: false,
  domain_data: false,
  domain_software: false,
  is_okd_compliant: open,
  is_osi_compliant: false,
  ...extra,
});

export const LICENSES: readonly License[] = [
  lic('notspecified', 'License not specified', '', false, { is_generic: true }),
  lic(
    'odc-pddl',
    'Open Data Commons Public Domain Dedication and License (PDDL)',
    'http://www.opendefinition.org/licenses/odc-pddl',
    true,
    { domain_data: true },
  ),
  lic(
    'odc-odbl',
    'Open Data Commons Open Database License (ODbL)',
    'http://www.opendefinition.org/licenses/odc-odbl',
    true,
    { domain_data: true },
  ),
  lic(
    'odc-by',
    'Open Data Commons Attribution License',
    'http://www.opendefinition.org/licenses/odc-by',
    true,
    { domain_data: true },
  ),
  lic('cc-zero', 'Creative Commons CCZero', 'http://www.opendefinition.org/licenses/cc-zero', true, {
    domain_content: true,
    domain_data: true,
  }),
  lic('cc-by', 'Creative Commons Attribution', 'http://www.opendefinition.org/licenses/cc-by', true, {
    domain_content: true,
  }),
  lic(
    'cc-by-sa',
    'Creative Commons Attribution Share-Alike',
    'http://www.opendefinition.org/licenses/cc-by-sa',
    true,
    { domain_content: true },
  ),
  lic('gfdl', 'GNU Free Documentation License', 'http://www.opendefinition.org/licenses/gfdl', true, {
    domain_content: true,
  }),
  lic('other-open', 'Other (Open)', '', true, { domain_content: true, is_generic: true }),
  lic('other-pd', 'Other (Public Domain)', '', true, { domain_content: true, is_generic: true }),
  lic('other-at', 'Other (Attribution)', '', true, { domain_content: true, is_generic: true }),
  lic(
    'uk-ogl',
    'UK Open Government Licence (OGL)',
    'http://reference.data.gov.uk/id/open-government-licence',
    true,
    { domain_content: true },
  ),
  lic(
    'cc-nc',
    'Creative Commons Non-Commercial (Any)',
    'http://creativecommons.org/licenses/by-nc/2.0/',
    false,
  ),
  lic('other-nc', 'Other (Non-Commercial)', '', false, { is_generic: true }),
  lic('other-closed', 'Other (Not Open)', '', false, { is_generic: true }),
];

const BY_ID = new Map(LICENSES.map((l) => [l.id, l]));

export const findLicense = (id: string | null | undefined): License | undefined =>
  id ? BY_ID.get(id) : undefined;
