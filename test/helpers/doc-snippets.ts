// The code blocks of the README and docs/, checked like doctests (docs/README.md, "Code blocks are
// tested"): every ```ts / ```typescript / ```js / ```javascript block is compiled, all in one strict
// TypeScript program, against the package as a consumer installs it; every block not marked
// `no-run` is then run with Node, and where it states its output in `//=> ` lines, what it prints
// must be exactly those lines, in order.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The languages whose blocks are checked, and the extension each is compiled as. */
const LANGUAGES: Readonly<Record<string, 'ts' | 'mjs'>> = {
  ts: 'ts',
  typescript: 'ts',
  js: 'mjs',
  javascript: 'mjs',
};

/** The info-string word that keeps a block from being run (it is still compiled). */
export const NO_RUN = 'no-run';
/** A line `//=> text` states the next line the block prints. */
const OUTPUT_LINE = /^\s*\/\/=>(?: (.*))?$/;

export interface Snippet {
  /** The markdown file and the line of the block's first code line (1-based), for messages. */
  file: string;
  line: number;
  ext: 'ts' | 'mjs';
  run: boolean;
  code: string;
  /** The lines the block says it prints (empty: its output is not checked). */
  expected: string[];
}

/**
 * The checked code blocks of a markdown text. A fence is 3 or more backticks or tildes, indented up
 * to 3 spaces; it closes at a line of the same character, at least as long, with nothing after it.
 */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const lines = markdown.split(/\r?\n/);
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^`]*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const [lang = '', ...flags] = open[2]!.trim().split(/\s+/);
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    const ext = LANGUAGES[lang.toLowerCase()];
    if (ext) {
      const code = lines.slice(i + 1, end).join('\n');
      snippets.push({
        file,
        line: i + 2,
        ext,
        run: !flags.includes(NO_RUN),
        code,
        expected: code.split('\n').flatMap((l) => {
          const m = OUTPUT_LINE.exec(l);
          return m ? [m[1] ?? ''] : [];
        }),
      });
    }
    i = end;
  }
  return snippets;
}

export interface SnippetResult {
  snippet: Snippet;
  /** Compiler errors, as `file.md:line: TSxxxx: message`. */
  errors: string[];
  /** What went wrong when it ran (exit code, timeout, output that differs); empty when it passed. */
  runProblems: string[];
  stdout?: string;
}

export interface CheckOptions {
  /** A consumer project whose node_modules holds the package (and its dependencies, @types/node). */
  projectDir: string;
  /** Environment of every run (the sandbox's). */
  env: Record<string, string>;
  timeoutMs?: number;
  concurrency?: number;
}

/** Compiles every snippet in one program, then runs the runnable ones, `concurrency` at a time. */
export async function checkSnippets(
  snippets: readonly Snippet[],
  options: CheckOptions,
): Promise<SnippetResult[]> {
  const dir = path.join(options.projectDir, 'snippets');
  mkdirSync(dir, { recursive: true });
  const files = snippets.map((s, i) => {
    const name = `${String(i).padStart(3, '0')}-${path.basename(s.file, '.md')}-${s.line}.${s.ext}`;
    const file = path.join(dir, name);
    // `export {}` makes a block without imports a module too (its own scope, top-level await).
    writeFileSync(file, `${s.code}\nexport {};\n`);
    return file;
  });
  const errors = compile(files, options.projectDir);
  const global = errors.get('') ?? [];
  const results: SnippetResult[] = snippets.map((snippet, i) => ({
    snippet,
    errors: [
      ...global.map((e) => e.text),
      ...(errors.get(files[i]!) ?? []).map((e) => `${snippet.file}:${snippet.line + e.line}: ${e.text}`),
    ],
    runProblems: [],
  }));

  const queue = results.filter((r) => r.snippet.run);
  const worker = async () => {
    for (let r = queue.shift(); r; r = queue.shift()) {
      const i = results.indexOf(r);
      await runOne(r, files[i]!, options);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return results;
}

/** Errors by snippet file ('' for those of no file), each with its 0-based line in the snippet. */
function compile(
  files: readonly string[],
  projectDir: string,
): Map<string, { line: number; text: string }[]> {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    // What a Node consumer has: no DOM library (fetch's types then come from @types/node).
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [path.join(projectDir, 'node_modules/@types')],
    allowJs: true,
    checkJs: true,
    skipLibCheck: true,
  };
  const program = ts.createProgram(files, options);
  const byFile = new Map<string, { line: number; text: string }[]>();
  const snippetOf = new Map(files.map((f) => [path.resolve(f), f]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.category !== ts.DiagnosticCategory.Error) continue;
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    const file = d.file ? snippetOf.get(path.resolve(d.file.fileName)) : undefined;
    if (d.file && !file) continue; // the package's own declarations: skipLibCheck's business
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    const key = file ?? '';
    byFile.set(key, [...(byFile.get(key) ?? []), { line, text: `TS${d.code}: ${message}` }]);
  }
  return byFile;
}

async function runOne(result: SnippetResult, file: string, options: CheckOptions): Promise<void> {
  let script = file;
  if (result.snippet.ext === 'ts') {
    script = file.replace(/\.ts$/, '.mjs');
    const { outputText } = ts.transpileModule(`${result.snippet.code}\nexport {};\n`, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(script, outputText);
  }
  const { code, stdout, stderr, timedOut } = await runNode(script, options);
  result.stdout = stdout;
  if (timedOut) result.runProblems.push(`did not finish within ${options.timeoutMs ?? 15_000} ms`);
  else if (code !== 0)
    result.runProblems.push(`exited with ${code}: ${stderr.trim().split('\n').slice(0, 8).join('\n')}`);
  const expected = result.snippet.expected;
  if (expected.length > 0) {
    const printed = stdout
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => l.trimEnd());
    const want = expected.map((l) => l.trimEnd());
    if (printed.join('\n') !== want.join('\n'))
      result.runProblems.push(`printed:\n${printed.join('\n')}\nbut its //=> lines say:\n${want.join('\n')}`);
  }
}

function runNode(
  script: string,
  options: CheckOptions,
): Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: options.projectDir,
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 15_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** A result as one message, or undefined when the snippet passed. */
export function describeFailure(r: SnippetResult): string | undefined {
  const problems = [
    ...r.errors.map((e) => `does not compile: ${e}`),
    ...r.runProblems.map((p) => `run: ${p}`),
  ];
  if (problems.length === 0) return undefined;
  return `the block at ${r.snippet.file}:${r.snippet.line}\n${problems.join('\n')}`;
}
