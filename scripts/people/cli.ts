/** What both people commands share: the gateway and the caller's token, from flags or the environment. */
export interface GatewayAccess {
  gatewayUrl: string;
  token: string;
}

export const GATEWAY_FLAGS = {
  token: { type: 'string' },
  gateway: { type: 'string' },
} as const;

export class UsageError extends Error {}

/** `--token` or GRAPH_TOKEN; `--gateway` or GRAPH_URL, else the local gateway. */
export function gatewayAccess(
  values: { token?: string | undefined; gateway?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): GatewayAccess {
  const token = values.token ?? env.GRAPH_TOKEN;
  if (!token)
    throw new UsageError(
      '缺少令牌：请用 --token 或环境变量 GRAPH_TOKEN 提供（npm run -s token -- ... 可生成开发令牌）',
    );
  return {
    token: token.replace(/^Bearer\s+/i, ''),
    gatewayUrl: values.gateway ?? env.GRAPH_URL ?? 'http://127.0.0.1:4000/graphql',
  };
}

/** Runs a command's main: a usage error exits 2 with its message, anything else 1. */
export function runCommand(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
