import type { Context } from '../context.js';
import { chosenChain, dispatchNote, responsibleChain } from '../domain/dispatch.js';
import { GRID_NOT_FOUND } from '../domain/problems.js';
import { dispatchColumns } from '../domain/step-columns.js';
import { gridWithStaff } from '../graph/lookups.js';
import { noteOf, type EventPayload } from './event-payload.js';
import { takeStep, type StepInput } from './take-step.js';

export interface DispatchInput extends StepInput {
  /** A GridStaff serving the event's grid; absent for an automatic dispatch. */
  staffId?: string | null;
}

/**
 * Dispatches (派遣) to a chosen staff member or automatically: the responsible chain
 * comes from the graph with the caller's token and is stored on the event, lowest level
 * first, for escalation. With no one responsible the event goes to the community.
 */
export function dispatchEvent(context: Context, input: DispatchInput): Promise<EventPayload> {
  const staffId = input.staffId?.trim() || null;
  return takeStep(context, 'DISPATCH', input, {
    details: async (event, now) => {
      const grid = await gridWithStaff(context, event.gridId);
      if (!grid) return { problems: [GRID_NOT_FOUND] };
      const chain = staffId ? chosenChain(grid, staffId) : responsibleChain(grid);
      const first = chain?.[0];
      if (!chain || !first)
        return {
          problems: [
            { code: 'STAFF_NOT_SERVING_GRID', message: '所选人员不服务该事件所在的网格，不能派遣', field: 'staffId' },
          ],
        };
      return {
        patch: dispatchColumns(chain, now),
        note: dispatchNote(first, staffId === null, noteOf(input.note)),
        assigneeId: first.staffId,
      };
    },
  });
}
