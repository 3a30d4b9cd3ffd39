/** Small formatting rules CKAN clients rely on. */

/** CKAN's timestamps: naive UTC ISO 8601 with microseconds, e.g. `2024-01-02T03:04:05.123000`. */
export const ckanTime = (d: Date | string | null | undefined): string | null => {
  if (d === null || d === undefined) return null;
  const date = typeof d === 'string' ? new Date(d) : d;
  return `${date.toISOString().slice(0, 23)}000`;
};

/** `{a: '1'}` → `[{key: 'a', value: '1'}]`, sorted by key as CKAN returns extras. */
export const extrasList = (extras: Record<string, string>): { key: string; value: string }[] =>
  Object.keys(extras)
    .sort()
    .map((key) => ({ key, value: extras[key] ?? '' }));

/** CKAN ids are UUIDs; anything else given as `id` is looked up as a name. */
export const isUuid = (s: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
