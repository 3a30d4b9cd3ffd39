import { CollectionList } from './Collection.js';

/** /organization: the publishing institutions. */
export default function Organizations() {
  return <CollectionList kind="organization" />;
}
