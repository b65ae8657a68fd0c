/** How placing one path went: under its name, or not at all because another path has that name. */
export type Placing<T> =
  | { readonly taken: false; readonly storedAs: string; readonly value: T }
  | { readonly taken: true; readonly storedAs: string };

/**
 * Names under one folder, each given to one path only. An encoding that makes names acceptable (the artifact
 * service's) can give two paths the same name (`a:b.png` and a real `a%3Ab.png`): the second would replace the
 * first's file, or be shown with the first's bytes.
 */
export class StoredNames {
  /** Each path placed and the name it has, in the order they were placed. */
  private readonly placedAs = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly encode: (path: string) => string) {}

  get placed(): ReadonlyMap<string, string> {
    return this.placedAs;
  }

  /**
   * Puts `path` under its name with `put`, unless another path has that name: then `put` is not called. A `put`
   * that throws leaves the name free, and the error goes to the caller.
   */
  async place<T>(path: string, put: (storedAs: string) => Promise<T>): Promise<Placing<T>> {
    const storedAs = this.encode(path);
    if (this.taken.has(storedAs)) return { taken: true, storedAs };
    const value = await put(storedAs);
    this.taken.add(storedAs);
    this.placedAs.set(path, storedAs);
    return { taken: false, storedAs, value };
  }
}
