import { CollectionPage } from './Collection.js';

/** /group/:name: one theme and its datasets. */
export default function Group() {
  return <CollectionPage kind="group" />;
}
