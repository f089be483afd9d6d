import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SUBGRAPHS = ['people', 'grids', 'volunteers', 'events'] as const;
const SKELETON_FILES = ['main.ts', 'module.ts', 'context.ts', 'loaders.ts', 'mappers.ts', 'seed.ts'];
const SKELETON_FOLDERS = [
  'entities',
  'migrations',
  'domain',
  'actions',
  'queries',
  'graph',
  'resolvers',
  'demo',
  'generated',
];

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

/** The relative imports of one file, static and dynamic, comments removed first. */
function importsOf(file: string): Edge[] {
  const source = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const edges: Edge[] = [];
  const add = (specifier: string, dynamic: boolean) => {
    if (!specifier.startsWith('.')) return;
    const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
    edges.push({ from: file, to: existsSync(target) ? target : resolve(dirname(file), specifier), dynamic });
  };
  for (const match of source.matchAll(
    /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g,
  )) {
    add(match[1] as string, false);
  }
  for (const match of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) add(match[1] as string, true);
  return edges;
}

/** Every file reachable from `entry`, following static imports only or dynamic ones too. */
function reachable(entry: string, options: { dynamic: boolean }): Map<string, string[]> {
  const paths = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift() as string;
    if (!file.endsWith('.ts') || !existsSync(file)) continue;
    for (const edge of importsOf(file)) {
      if (edge.dynamic && !options.dynamic) continue;
      if (paths.has(edge.to)) continue;
      paths.set(edge.to, [...(paths.get(file) ?? []), edge.to]);
      queue.push(edge.to);
    }
  }
  return paths;
}

const repoPath = (file: string) => relative(ROOT, file);
const chain = (path: string[]) => path.map(repoPath).join(' -> ');

describe('the import walk from each entry point', () => {
  it.each(SUBGRAPHS)('%s reaches only its own files and the kit, never scripts/, bench/ or test/', (name) => {
    const entry = join(ROOT, 'subgraphs', name, 'src', 'main.ts');
    const reached = reachable(entry, { dynamic: true });
    expect(reached.size).toBeGreaterThan(20);
    const outside = [...reached]
      .filter(
        ([file]) => !repoPath(file).startsWith(`subgraphs/${name}/`) && !repoPath(file).startsWith('subgraphs/kit/'),
      )
      .map(([, path]) => chain(path));
    expect(outside).toEqual([]);
  });

  it.each(SUBGRAPHS)('%s loads no demo data on its static import path', (name) => {
    const reached = reachable(join(ROOT, 'subgraphs', name, 'src', 'main.ts'), { dynamic: false });
    const demo = [...reached]
      .filter(([file]) => /\/demo\//.test(repoPath(file)) || repoPath(file).endsWith('/seed.ts'))
      .map(([, path]) => chain(path));
    expect(demo).toEqual([]);
  });

  it('the gateway and every kit file import no subgraph, scripts/, bench/ or test/', () => {
    const kitFiles = execFileSync('git', ['ls-files', 'subgraphs/kit/src'], { cwd: ROOT, encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.endsWith('.ts'));
    expect(kitFiles.length).toBeGreaterThan(20);
    const bad: string[] = [];
    for (const entry of ['gateway/src/main.ts', ...kitFiles]) {
      for (const [file, path] of reachable(join(ROOT, entry), { dynamic: true })) {
        if (!/^(gateway|subgraphs\/kit)\//.test(repoPath(file))) bad.push(chain(path));
      }
    }
    expect(bad).toEqual([]);
  });

  it('walks dynamic imports too: the demo world is reached from a subgraph only through seed.ts', () => {
    const reached = reachable(join(ROOT, 'subgraphs', 'people', 'src', 'main.ts'), { dynamic: true });
    const world = [...reached.keys()].find((file) => repoPath(file) === 'subgraphs/kit/src/demo/world.ts');
    expect(world).toBeDefined();
    expect(chain(reached.get(world as string) ?? [])).toContain('subgraphs/people/src/seed.ts');
  });
});

describe('the skeleton', () => {
  it.each(SUBGRAPHS)('%s has the house layout: at most eight top-level files, only the skeleton folders', (name) => {
    const listing = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', `subgraphs/${name}/src`],
      { cwd: ROOT, encoding: 'utf8' },
    )
      .split('\n')
      .filter(Boolean)
      .filter((file) => existsSync(join(ROOT, file)))
      .map((file) => file.slice(`subgraphs/${name}/src/`.length));
    const files = listing.filter((file) => !file.includes('/'));
    const folders = [
      ...new Set(listing.filter((file) => file.includes('/')).map((file) => file.split('/')[0] as string)),
    ];
    expect(files.length).toBeLessThanOrEqual(8);
    expect(files).toEqual(expect.arrayContaining(SKELETON_FILES));
    expect(folders.filter((folder) => !SKELETON_FOLDERS.includes(folder))).toEqual([]);
  });
});

describe('the lint import rules', () => {
  const lint = (file: string, source: string): string => {
    const path = join(ROOT, file);
    writeFileSync(path, source);
    try {
      execFileSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['lint', '--colors=off', file], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return '';
    } catch (error) {
      return String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
    } finally {
      rmSync(path, { force: true });
    }
  };

  it('refuse a subgraph importing another subgraph or scripts/', () => {
    const out = lint(
      `subgraphs/people/src/lint-fixture-${process.pid}.ts`,
      "import { gridsSubgraph } from '../../grids/src/module.js';\nimport { generateWorld } from '../../../scripts/demo/world.js';\nexport const both = [gridsSubgraph, generateWorld];\n",
    );
    expect(out.match(/lint\/style\/noRestrictedImports/g)?.length).toBe(2);
  });

  it('refuse the kit importing a subgraph, and accept a subgraph importing the kit', () => {
    expect(
      lint(
        `subgraphs/kit/src/lint-fixture-${process.pid}.ts`,
        "import { peopleSubgraph } from '../../people/src/module.js';\nexport const people = peopleSubgraph;\n",
      ),
    ).toContain('lint/style/noRestrictedImports');
    expect(
      lint(
        `subgraphs/events/src/lint-fixture-${process.pid}.ts`,
        "import { storedNow } from '../../kit/src/time.js';\nexport const now = storedNow;\n",
      ),
    ).toBe('');
  });
});
