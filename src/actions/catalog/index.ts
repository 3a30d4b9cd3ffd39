import type { ActionRegistry } from '../registry.js';
import { organizationActivityList, packageActivityList } from './activity.js';
import { groupCreate, groupList, groupShow } from './group.js';
import {
  organizationCreate,
  organizationDelete,
  organizationList,
  organizationShow,
  organizationUpdate,
} from './organization.js';
import { packageList, packageShow } from './package-read.js';
import { packageSearch } from './package-search.js';
import { packageCreate, packageDelete, packagePatch, packageUpdate } from './package-write.js';
import { resourceCreate, resourceDelete, resourcePatch, resourceShow, resourceUpdate } from './resource.js';
import { licenseList, tagList } from './tag-license.js';

/** The catalog's CKAN actions: organizations, groups, datasets, resources, search, tags, licences, activity. */
export function registerCatalogActions(registry: ActionRegistry): ActionRegistry {
  registry
    .register(organizationList)
    .register(organizationShow)
    .register(organizationCreate)
    .register(organizationUpdate)
    .register(organizationDelete)
    .register(groupList)
    .register(groupShow)
    .register(groupCreate)
    .register(packageList)
    .register(packageShow)
    .register(packageSearch)
    .register(packageCreate)
    .register(packageUpdate)
    .register(packagePatch)
    .register(packageDelete)
    .register(resourceShow)
    .register(resourceCreate)
    .register(resourceUpdate)
    .register(resourcePatch)
    .register(resourceDelete)
    .register(tagList)
    .register(licenseList)
    .register(packageActivityList)
    .register(organizationActivityList);
  return registry;
}
