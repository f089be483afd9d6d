import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A service started as its own Node process, as `npm start` starts it, with its output kept by line. */
export interface ChildService {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  /** Resolves with the first line (stdout or stderr) matching, rejects when the process exits first. */
  waitForLine: (pattern: RegExp, timeoutMs?: number) => Promise<string>;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  stop: () => Promise<void>;
}

export function startChildService(entry: string, env: Record<string, string>): ChildService {
  // Its own process group, so that stopping it also stops what it started (the launcher's
  // five services): killing the launcher alone would leave them running, orphaned.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const watchers = new Set<(line: string) => void>();
  const follow = (stream: NodeJS.ReadableStream | null, into: string[]) => {
    if (!stream) return;
    createInterface({ input: stream }).on('line', (line) => {
      into.push(line);
      for (const watcher of watchers) watcher(line);
    });
  };
  follow(child.stdout, stdout);
  follow(child.stderr, stderr);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => setTimeout(() => resolve(code ?? signal ?? -1), 50));
  });
  const waitForLine = (pattern: RegExp, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const seen = [...stdout, ...stderr].find((line) => pattern.test(line));
      if (seen) return resolve(seen);
      const timer = setTimeout(() => done(new Error(`no line matching ${pattern} in ${timeoutMs} ms`)), timeoutMs);
      const watcher = (line: string) => {
        if (pattern.test(line)) done(undefined, line);
      };
      const done = (error?: Error, line?: string) => {
        clearTimeout(timer);
        watchers.delete(watcher);
        if (error) reject(error);
        else resolve(line ?? '');
      };
      watchers.add(watcher);
      void exited.then((code) =>
        done(new Error(`exited (${code}) before a line matching ${pattern}:\n${[...stdout, ...stderr].join('\n')}`)),
      );
    });
  return {
    child,
    stdout,
    stderr,
    waitForLine,
    exited,
    stop: async () => {
      try {
        // The whole group, also when the child itself has ended and left children behind.
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // No process of the group is left.
      }
      await exited;
    },
  };
}

/** A port free right now on 127.0.0.1 (the kernel's pick), for a child that must be told its port. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
