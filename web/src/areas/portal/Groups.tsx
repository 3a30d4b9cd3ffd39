import { CollectionList } from './Collection.js';

/** /group: the themes. */
export default function Groups() {
  return <CollectionList kind="group" />;
}
