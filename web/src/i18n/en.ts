import type { Catalog } from './id.js';

/** English. Typed as the Indonesian catalog, so keys must match exactly. */
export const en: Catalog = {
  common: {
    siteFallback: 'Kendali',
    tagline: 'One Data · Control Room',
    loading: 'Loading…',
    skipToContent: 'Skip to main content',
    apiDocs: 'API documentation',
    backHome: 'Back to Home',
  },
  nav: {
    label: 'Main navigation',
    home: 'Home',
    datasets: 'Datasets',
    organizations: 'Organizations',
    controlRoom: 'Control Room',
    humas: 'Public Relations',
    api: 'API',
  },
  language: {
    label: 'Language',
  },
  demo: {
    banner: 'Synthetic demo data — not official figures',
  },
  status: {
    error: 'The server status could not be loaded. Try reloading the page.',
  },
  home: {
    title: 'One Data portal and control room',
    lead: 'Kendali gathers government agencies’ data in one open catalog, turns it into indicators, and shows them in the Control Room (Ruang Kendali) for monitoring and follow-up.',
    featuresTitle: 'What Kendali offers',
    catalogTitle: 'One Data catalog',
    catalogText:
      'Dataset metadata from every agency, searchable and available through a CKAN-compatible API.',
    integrationTitle: 'Data integration',
    integrationText:
      'Upload files or harvest other portals; Indonesian-formatted numbers and dates are normalised and Kemendagri region codes checked.',
    controlRoomTitle: 'Control Room',
    controlRoomText:
      'A monitoring wall of indicators with status, alerts and follow-up, each traceable back to its source data.',
    humasTitle: 'Public Relations (Humas)',
    humasText: 'News, agenda and media monitoring to communicate results to the public.',
    statsTitle: 'At a glance',
    statsOrganizations: 'Organizations',
    statsDatasets: 'Datasets',
    statsRegions: 'Regions',
  },
  datasets: {
    title: 'Datasets',
    emptyTitle: 'The dataset catalog is being prepared',
    emptyText:
      'Dataset listing and search are not available on this page yet. Metadata is available through the API.',
    count: 'The catalog currently holds {{total}} datasets.',
  },
  organizations: {
    title: 'Organizations',
    emptyTitle: 'The organization list is being prepared',
    emptyText:
      'Pages for publishing agencies are not available yet. Organization data is available through the API.',
    count: '{{total}} organizations are currently registered.',
  },
  controlRoom: {
    title: 'Control Room',
    emptyTitle: 'The monitoring wall is being prepared',
    emptyText: 'Key indicators will appear here with their status, alerts and follow-up, updated live.',
  },
  humas: {
    title: 'Public Relations',
    emptyTitle: 'The Public Relations channel is being prepared',
    emptyText: 'News, event agenda and media-monitoring summaries will appear here.',
  },
  notFound: {
    title: 'Page not found',
    text: 'The address {{path}} does not exist on this site. Check the link or start from the Home page.',
  },
  footer: {
    about: 'Kendali — One Data catalog, data integration, Control Room and Public Relations.',
    version: 'Version {{version}} · CKAN-compatible API {{ckan}}',
    license: 'Open-source software (Apache-2.0)',
  },
};
