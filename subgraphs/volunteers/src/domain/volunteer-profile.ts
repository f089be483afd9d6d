import { z } from 'zod';
import { problem, type Problem } from './problems.js';

/** A weekly slot in Asia/Shanghai time: weekday 1 (Monday) to 7, HH:MM to HH:MM. */
export interface AvailabilitySlot {
  weekday: number;
  startTime: string;
  endTime: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const skillsSchema = z.array(z.string().trim().min(1).max(16)).max(10);
const slotSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    startTime: z.string().regex(TIME),
    endTime: z.string().regex(TIME),
  })
  .refine((slot) => slot.startTime < slot.endTime);
const availabilitySchema = z.array(slotSchema).max(21);

export interface ProfileChanges {
  skills?: string[] | null;
  availability?: AvailabilitySlot[] | null;
}

/** Checks skills and availability; absent fields stay as they are, duplicates collapse. */
export function checkProfile(changes: ProfileChanges): {
  skills?: string[];
  availability?: AvailabilitySlot[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const result: { skills?: string[]; availability?: AvailabilitySlot[] } = {};
  if (changes.skills) {
    const parsed = skillsSchema.safeParse(changes.skills);
    if (parsed.success) result.skills = [...new Set(parsed.data)];
    else problems.push(problem('INVALID_SKILLS', 'skills'));
  }
  if (changes.availability) {
    const parsed = availabilitySchema.safeParse(changes.availability);
    if (parsed.success) {
      result.availability = [...parsed.data].sort(
        (a, b) => a.weekday - b.weekday || (a.startTime < b.startTime ? -1 : 1),
      );
    } else problems.push(problem('INVALID_AVAILABILITY', 'availability'));
  }
  return { ...result, problems };
}
