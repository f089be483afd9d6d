import { problem, type Problem } from './problems.js';
import { requestedMinutes, type RecordStatus } from './service-records.js';
import { reasonText } from './text.js';

export type CorrectionStatus = 'PENDING' | 'APPROVED' | 'REJECTED';
export type CorrectionDecision = 'APPROVE' | 'REJECT';

/**
 * What a volunteer may ask: a correction of a confirmed record with nothing pending, to
 * other hours inside the activity's window, with a reason.
 */
export function correctionRequest(
  record: { status: RecordStatus; minutes: number; windowMinutes: number | null; correctionPending: boolean },
  hours: number,
  reason: string,
): { minutes: number; reason: string } | { problem: Problem } {
  if (record.status !== 'CONFIRMED') return { problem: problem('RECORD_NOT_CONFIRMED', 'recordId') };
  if (record.correctionPending) return { problem: problem('CORRECTION_ALREADY_PENDING', 'recordId') };
  const asked = requestedMinutes(hours, record.windowMinutes, 'hours');
  if ('problem' in asked) return asked;
  if (asked.minutes === record.minutes) return { problem: problem('CORRECTION_UNCHANGED', 'hours') };
  const why = reasonText(reason);
  if ('problem' in why) return why;
  return { minutes: asked.minutes, reason: why.value };
}

/** A decision needs a pending request and a reason either way. */
export function decisionProblem(
  correction: { status: CorrectionStatus },
  reason: string,
): { reason: string } | { problem: Problem } {
  if (correction.status !== 'PENDING') return { problem: problem('CORRECTION_ALREADY_DECIDED', 'correctionId') };
  const why = reasonText(reason);
  if ('problem' in why) return why;
  return { reason: why.value };
}
