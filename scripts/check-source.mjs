#!/usr/bin/env node
// `npm run check:source` (part of `npm run lint`): the shape of src/.
//   1. no import cycle, type-only imports included (dpdm without `--transform`, which would drop
//      them); a `#platform/*` import counts as an edge to every implementation package.json
//      `imports` maps it to, Node's and the web's;
//   2. no file over MAX_LINES lines.
// test/check-source.test.ts plants a cycle and a long file to prove both checks fail when they should.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const { parseDependencyTree, parseCircular, globFiles } = createRequire(import.meta.url)('dpdm');

export const MAX_LINES = 400;

/** Every implementation a `#...` import may resolve to, per package.json `imports`. */
function importTargets(root) {
  const { imports = {} } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const targets = new Map();
  for (const [name, target] of Object.entries(imports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    targets.set(
      name,
      [...new Set(files)].map((f) => path.normalize(f)),
    );
  }
  return targets;
}

/**
 * The dependency tree of `root/src` (resolved with `root/tsconfig.json`, so `./x.js` is `x.ts`),
 * with `#platform/*` edges to every implementation, and the imports it could not resolve.
 * @param {string} root
 */
async function dependencyTree(root) {
  const files = await globFiles('src/**/*.ts', root);
  const tsconfig = path.join(root, 'tsconfig.json');
  const tree = await parseDependencyTree(files, { cwd: root, context: root, transform: false, tsconfig });
  const targets = importTargets(root);
  for (const [issuer, deps] of Object.entries(tree)) {
    if (!deps) continue;
    const extra = [];
    for (const dep of deps) {
      for (const id of targets.get(dep.request) ?? []) {
        if (id !== dep.id) extra.push({ ...dep, id });
      }
    }
    if (extra.length > 0) tree[issuer] = [...deps, ...extra];
  }
  for (const ids of targets.values()) for (const id of ids) tree[id] ??= [];
  // A local import that did not resolve would hide its edges: the check would pass vacuously.
  const unresolved = Object.values(tree)
    .flatMap((deps) => deps ?? [])
    .filter((dep) => dep.id === null && /^[.#]/.test(dep.request))
    .map((dep) => `${dep.issuer}: ${dep.request}`);
  return { tree, unresolved };
}

/**
 * The import cycles among `root/src` files, each as a list of paths relative to `root`.
 * Throws when a local import cannot be resolved.
 * @param {string} root
 * @returns {Promise<string[][]>}
 */
export async function findCycles(root) {
  const { tree, unresolved } = await dependencyTree(root);
  if (unresolved.length > 0) throw new Error(`unresolved imports: ${unresolved.join(', ')}`);
  return parseCircular(tree);
}

/**
 * The `root/src` files longer than `MAX_LINES` lines, with their line counts.
 * @param {string} root
 * @returns {Promise<[string, number][]>}
 */
export async function findLongFiles(root) {
  const files = await globFiles('src/**/*.ts', root);
  return files
    .map((file) => [file, readFileSync(path.join(root, file), 'utf8').split('\n').length - 1])
    .filter(([, lines]) => lines > MAX_LINES);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = [];
  for (const cycle of await findCycles(root))
    problems.push(`import cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
  for (const [file, lines] of await findLongFiles(root))
    problems.push(`${file} has ${lines} lines (at most ${MAX_LINES})`);
  if (problems.length > 0) {
    for (const p of problems) console.error(`check-source: ${p}`);
    process.exit(1);
  }
  console.log(
    `check-source: no import cycle in src/ (type imports included), no file over ${MAX_LINES} lines.`,
  );
}
