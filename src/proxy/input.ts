// Untrusted maps the proxy reads from a browser (the query: model/query.ts, the JSON body: here)
// become null-prototype objects: `out['__proto__'] = v` on an ordinary object sets its prototype
// instead of a key, so a check that reads own keys would see nothing while `for…in` would still send
// the inherited ones. A `__proto__`, `constructor` or `prototype` key is then refused like any other
// field the operation does not declare (model/parse.ts).

/** `JSON.parse` whose objects have no prototype (the reviver runs bottom-up over every value). */
export function parseJsonNullPrototype(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.assign(Object.create(null) as object, value)
      : value,
  );
}
