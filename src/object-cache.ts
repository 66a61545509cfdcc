// One place for per-object caches (see objectCache).

/**
 * A cache kept on the object it is about, in a hidden (symbol-keyed,
 * non-enumerable) property, so it dies with the object. Not a WeakMap: V8
 * revisits every WeakMap entry in each young-generation collection, and a
 * monorepo run makes millions of short-lived documents and instructions;
 * with WeakMaps here, garbage collection took a third of the run.
 */
export function objectCache<K extends object, V>(): { get(key: K): V | undefined; set(key: K, value: V): void } {
  const slot = Symbol('dockmod cache');
  return {
    get: (key) => (key as { [slot]?: V })[slot],
    set: (key, value) => Object.defineProperty(key, slot, { value, writable: true, configurable: true }),
  };
}
