import { z } from 'zod';
import { parseConfig } from '../../kit/src/config.js';
import {
  DEFAULT_WORKING_HOURS,
  parseDateList,
  parseWorkingHours,
  type WorkingCalendar,
} from './domain/working-time.js';

/**
 * The events subgraph's own settings, parsed once at start like every other variable: the
 * working calendar deadlines count in. Holidays and the weekend days worked in exchange
 * change every year with the State Council's notice, so they are configuration, not code.
 */
export const eventsConfigSchema = z
  .object({
    /** Working periods of a day in Asia/Shanghai, e.g. `09:00-12:00,13:30-17:30`. */
    EVENTS_WORKING_HOURS: z.string().default(DEFAULT_WORKING_HOURS),
    /** Public holidays: dates and ranges, e.g. `2026-10-01..2026-10-07,2027-01-01`. */
    EVENTS_HOLIDAYS: z.string().default(''),
    /** Weekend days that are working days (调休上班), e.g. `2026-09-20,2026-10-10`. */
    EVENTS_WORKDAYS: z.string().default(''),
  })
  .transform((env, ctx): { calendar: WorkingCalendar } => {
    const periods = parseWorkingHours(env.EVENTS_WORKING_HOURS);
    const holidays = parseDateList(env.EVENTS_HOLIDAYS);
    const workdays = parseDateList(env.EVENTS_WORKDAYS);
    if (!periods)
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTS_WORKING_HOURS'],
        message: 'expected periods like 09:00-12:00,13:30-17:30, sorted and not overlapping',
      });
    if (!holidays)
      ctx.addIssue({
        code: 'custom',
        path: ['EVENTS_HOLIDAYS'],
        message: 'expected dates like 2026-10-01..2026-10-07,2027-01-01',
      });
    if (!workdays)
      ctx.addIssue({ code: 'custom', path: ['EVENTS_WORKDAYS'], message: 'expected dates like 2026-09-20,2026-10-10' });
    return { calendar: { periods: periods ?? [], holidays: holidays ?? new Set(), workdays: workdays ?? new Set() } };
  });

export type EventsConfig = z.output<typeof eventsConfigSchema>;

export function readEventsConfig(env: NodeJS.ProcessEnv = process.env): EventsConfig {
  return parseConfig(eventsConfigSchema, env);
}
