import { pino, type Logger } from 'pino';

export function createLogger(service: string, level: string): Logger {
  return pino({ name: service, level });
}
export type { Logger };
