import { useEffect, useState } from 'react';
import { callAction } from '../../api.js';

export interface OrganizationOption {
  readonly name: string;
  readonly title: string;
}

/** The institutions, for a filter list (empty until loaded, and when loading fails). */
export function useOrganizations(): OrganizationOption[] {
  const [orgs, setOrgs] = useState<OrganizationOption[]>([]);
  useEffect(() => {
    callAction<OrganizationOption[]>('organization_list', { all_fields: true }).then(setOrgs, () => {});
  }, []);
  return orgs;
}
