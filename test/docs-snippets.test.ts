// Every code block of README.md and docs/**/*.md compiles against the package as built for
// publishing and runs against a sandbox, printing what its `//=> ` lines say (docs/README.md,
// "Code blocks are tested"). The checker itself is proven on blocks that are broken on purpose.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from '../src/sandbox/index.js';
import { builtPackage, consumerProject } from './helpers/built-package.js';
import {
  type Snippet,
  type SnippetResult,
  checkSnippets,
  describeFailure,
  extractSnippets,
} from './helpers/doc-snippets.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function markdownFiles(): string[] {
  const docs = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') && !f.startsWith(`api${path.sep}`))
    .map((f) => `docs/${f.split(path.sep).join('/')}`)
    .sort();
  return ['README.md', ...docs];
}

const documented = markdownFiles().flatMap((f) =>
  extractSnippets(readFileSync(path.join(ROOT, f), 'utf8'), f),
);

// Blocks the checker must refuse (and one it must accept), checked in the same program and runs.
const FIXTURE = `# A page

\`\`\`ts
import { VistarkriyaClient } from 'vistarkriya';
const vk = new VistarkriyaClient();
const { currency } = await vk.wallet.core.balance();
console.log(currency);
//=> INR
\`\`\`

\`\`\`ts
import { VistarkriyaClient } from 'vistarkriya';
const vk = new VistarkriyaClient();
await vk.verify.pan({ pan: 'ABCPV1234D', nmae: 'Ravi Kumar' });
\`\`\`

\`\`\`ts
console.log('what it prints');
//=> what it says
\`\`\`

\`\`\`ts
import { VistarkriyaClient } from 'vistarkriya';
await new VistarkriyaClient().verify.aadhaar({ aadhaar: '2345 6789 0123', consent: true });
\`\`\`

\`\`\`ts no-run
throw new Error('a no-run block is compiled, never run');
\`\`\`

\`\`\`ts no-run
const n: number = 'a no-run block is still compiled';
\`\`\`
`;
const fixtures = extractSnippets(FIXTURE, 'fixture.md');

let sandbox: Sandbox;
let results: SnippetResult[];
let workDir: string;

beforeAll(async () => {
  const [pkg, started] = await Promise.all([builtPackage({ declarations: true }), startSandbox()]);
  sandbox = started;
  workDir = mkdtempSync(path.join(tmpdir(), 'vk-doc-snippets-'));
  consumerProject(workDir, pkg, ['undici', 'zod', 'csv-parse', 'msw', 'bullmq', 'ioredis', '@types/node']);
  results = await checkSnippets([...documented, ...fixtures], {
    projectDir: workDir,
    env: sandbox.env,
    timeoutMs: 20_000,
    concurrency: 4,
  });
}, 300_000);

afterAll(async () => {
  await sandbox?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const resultOf = (s: Snippet) => results.find((r) => r.snippet === s)!;

describe('the code blocks of the README and docs/', () => {
  it('are there: the README and every guide have blocks, and most of them run', () => {
    expect(documented.filter((s) => s.file === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(new Set(documented.map((s) => s.file)).size).toBeGreaterThanOrEqual(8);
    // Blocks that cannot run on their own (a browser page, a worker, a route) are the exception.
    expect(documented.filter((s) => !s.run).length).toBeLessThan(documented.length / 4);
  });

  it.each(documented.map((s) => [`${s.file}:${s.line}`, s] as const))('%s', (_, snippet) => {
    expect(describeFailure(resultOf(snippet))).toBeUndefined();
  });
});

describe('the checker', () => {
  it('finds blocks by fence and language, with their flags and stated output', () => {
    const found = extractSnippets(
      [
        '```sh',
        'npm test',
        '```',
        '~~~~typescript no-run',
        'const a = 1;',
        '```ts',
        '~~~~',
        '```js',
        'console.log(1);',
        '//=> 1',
        '//=>',
        '```',
        '```json',
        '{}',
        '```',
      ].join('\n'),
      'x.md',
    );
    expect(found).toEqual([
      { file: 'x.md', line: 5, ext: 'ts', run: false, code: 'const a = 1;\n```ts', expected: [] },
      {
        file: 'x.md',
        line: 9,
        ext: 'mjs',
        run: true,
        code: 'console.log(1);\n//=> 1\n//=>',
        expected: ['1', ''],
      },
    ]);
  });

  it('passes a block that compiles, runs against the sandbox and prints what it says', () => {
    expect(describeFailure(resultOf(fixtures[0]!))).toBeUndefined();
    expect(resultOf(fixtures[0]!).stdout).toBe('INR\n');
  });

  it('fails a block that does not compile, naming the markdown line', () => {
    expect(resultOf(fixtures[1]!).errors).toEqual([
      expect.stringMatching(/^fixture\.md:14: TS2353: .*'nmae'/),
    ]);
  });

  it('fails a block that prints something other than its //=> lines', () => {
    expect(resultOf(fixtures[2]!).runProblems).toEqual([
      'printed:\nwhat it prints\nbut its //=> lines say:\nwhat it says',
    ]);
  });

  it('fails a block that throws', () => {
    expect(resultOf(fixtures[3]!).errors).toEqual([]);
    expect(resultOf(fixtures[3]!).runProblems).toEqual([
      expect.stringMatching(/^exited with 1: [\s\S]*InputValidationError/),
    ]);
  });

  it('compiles a no-run block without running it', () => {
    expect(describeFailure(resultOf(fixtures[4]!))).toBeUndefined();
    expect(resultOf(fixtures[4]!).stdout).toBeUndefined();
    expect(resultOf(fixtures[5]!).errors).toEqual([expect.stringMatching(/^fixture\.md:32: TS2322:/)]);
  });
});
