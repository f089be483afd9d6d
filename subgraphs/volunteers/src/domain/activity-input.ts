import { wholeSeconds } from '../../../kit/src/time.js';
import { problem, type Problem } from './problems.js';
import { boundedText, isWholeNumberIn } from './text.js';

export interface ActivityRequest {
  title: string;
  category: string;
  place: string;
  description?: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

export interface CheckedActivity {
  title: string;
  category: string;
  place: string;
  description: string | null;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
}

const MAX_WINDOW_MS = 24 * 3_600_000;
export const MAX_CAPACITY = 500;

/**
 * Checks what an activity says about itself; every problem is reported. `categories` are
 * those with a point rate: the catalogue of what volunteers do here.
 */
export function checkActivity(
  request: ActivityRequest,
  categories: readonly string[],
  now: Date,
): { activity: CheckedActivity; problems: [] } | { activity: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const title = boundedText(request.title, 2, 64, 'INVALID_TITLE', 'title');
  const place = boundedText(request.place, 2, 128, 'INVALID_PLACE', 'place');
  const description = boundedText(request.description, 0, 512, 'INVALID_DESCRIPTION', 'description');
  for (const checked of [title, place, description]) if ('problem' in checked) problems.push(checked.problem);
  const category = request.category.trim();
  if (!categories.includes(category)) problems.push(problem('UNKNOWN_CATEGORY', 'category', { category }));
  const length = request.endsAt.getTime() - request.startsAt.getTime();
  if (length <= 0 || length > MAX_WINDOW_MS) problems.push(problem('INVALID_TIME_WINDOW', 'endsAt'));
  if (request.startsAt.getTime() <= now.getTime()) problems.push(problem('STARTS_IN_PAST', 'startsAt'));
  if (!isWholeNumberIn(request.capacity, 1, MAX_CAPACITY)) problems.push(problem('INVALID_CAPACITY', 'capacity'));
  if (problems.length || 'problem' in title || 'problem' in place || 'problem' in description)
    return { activity: null, problems };
  return {
    activity: {
      title: title.value,
      category,
      place: place.value,
      description: description.value || null,
      startsAt: wholeSeconds(request.startsAt),
      endsAt: wholeSeconds(request.endsAt),
      capacity: request.capacity,
    },
    problems: [],
  };
}
