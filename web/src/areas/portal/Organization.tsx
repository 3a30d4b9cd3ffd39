import { CollectionPage } from './Collection.js';

/** /organization/:name: one institution and its datasets. */
export default function Organization() {
  return <CollectionPage kind="organization" />;
}
