/** Interned facet values: a key (id, code or the value itself) → a small number, with its facet name and display name. */
export class Values {
  readonly #ids = new Map<string, number>();
  readonly keys: string[] = [];
  readonly names: string[] = [];
  readonly displays: string[] = [];

  /** The number of `key`, adding it (named and displayed as itself unless given) when new. */
  intern(key: string, name = key, display = name): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.#ids.set(key, id);
      this.keys.push(key);
      this.names.push(name);
      this.displays.push(display);
    }
    return id;
  }

  /** Renames an interned key (an institution's or group's name and title changed). */
  rename(key: string, name: string, display: string): void {
    const id = this.intern(key, name, display);
    this.names[id] = name;
    this.displays[id] = display;
  }

  get(key: string): number | undefined {
    return this.#ids.get(key);
  }

  /** Numbers whose facet name is `name` (institution and group names are unique, tags are their own key). */
  named(name: string): number[] {
    const direct = this.#ids.get(name);
    if (direct !== undefined && this.names[direct] === name) return [direct];
    const out: number[] = [];
    for (let i = 0; i < this.names.length; i++) if (this.names[i] === name) out.push(i);
    return out;
  }

  get size(): number {
    return this.keys.length;
  }
}
