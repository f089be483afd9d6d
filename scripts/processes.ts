/**
 * Child processes for the launcher and the benchmark: each service runs as its own Node
 * process with its output prefixed, health is polled over HTTP, and all stop together.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServiceSpec {
  name: string;
  /** A TypeScript entry point, run through tsx. */
  entry: string;
  health: string;
  env?: Record<string, string>;
}

export class ProcessGroup {
  private readonly children = new Map<string, ChildProcess>();
  private stopping = false;

  /**
   * `onUnexpectedExit` runs when a child dies while the group is not stopping. `compiled`
   * runs each entry's JavaScript from dist/ (`npm run build`) instead of through tsx.
   */
  constructor(
    private readonly onUnexpectedExit: (name: string, reason: string) => void,
    private readonly quiet = false,
    private readonly compiled = false,
  ) {}

  start(spec: ServiceSpec, env: NodeJS.ProcessEnv): ChildProcess {
    // SERVICE_NODE_FLAGS adds Node flags to every service, e.g. `--cpu-prof` to profile a run.
    const flags = (process.env.SERVICE_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const args = [
      ...flags,
      ...(this.compiled ? [`dist/${spec.entry.replace(/\.ts$/, '.js')}`] : ['--import', 'tsx', spec.entry]),
    ];
    const child = spawn(process.execPath, args, {
      env: { ...env, ...spec.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      if (stream)
        createInterface({ input: stream }).on('line', (line) => {
          if (!this.quiet) process.stdout.write(`[${spec.name}] ${line}\n`);
        });
    }
    child.on('exit', (code, signal) => {
      this.children.delete(spec.name);
      if (!this.stopping) this.onUnexpectedExit(spec.name, String(signal ?? code));
    });
    this.children.set(spec.name, child);
    return child;
  }

  pid(name: string): number | undefined {
    return this.children.get(name)?.pid;
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            // A service drains for up to SHUTDOWN_GRACE_SECONDS (10 by default) before it exits.
            const graceSeconds = Number(process.env.SHUTDOWN_GRACE_SECONDS ?? 10);
            setTimeout(
              () => child.kill('SIGKILL'),
              ((Number.isFinite(graceSeconds) ? graceSeconds : 10) + 5) * 1000,
            ).unref();
          }),
      ),
    );
    this.children.clear();
    this.stopping = false;
  }
}

export async function waitHealthy(
  url: string,
  deadline: number,
  isStopping: () => boolean = () => false,
): Promise<void> {
  while (Date.now() < deadline && !isStopping()) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  if (!isStopping()) throw new Error(`not healthy in time: ${url}`);
}
