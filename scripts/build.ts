/**
 * `npm run build`: compiles the services to JavaScript under dist/ for production, where
 * running through tsx would cost each process about 50 MB and its start-up transform.
 * The schema files go beside them, where the compiled code looks for them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
cpSync('schema', 'dist/schema', { recursive: true });
