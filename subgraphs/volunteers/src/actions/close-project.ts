import { orRefuse, refuse } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import { boundedText } from '../domain/text.js';
import { Activity } from '../entities/activity.js';
import type { ProjectEntity } from '../entities/project.js';
import { moveProject, requireManager } from './shared/projects.js';

/** A worker closes a project under way with its result, once none of its activities is still open. */
export function closeProject(context: Context, input: { projectId: string; result: string }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'CLOSE', async (project, manager) => {
    requireManager(context, project);
    const { value: result } = orRefuse(boundedText(input.result, 2, 1000, 'INVALID_RESULT', 'result'));
    if (project.status === 'IN_PROGRESS') {
      const open = await manager
        .getRepository(Activity)
        .createQueryBuilder('activity')
        .where('activity.projectId = :id', { id: project.id })
        .andWhere('activity.status IN (:...open)', { open: ['DRAFT', 'PUBLISHED', 'ONGOING'] })
        .getCount();
      if (open > 0) refuse(problem('PROJECT_ACTIVITIES_OPEN', 'projectId', { count: open }));
    }
    return { closedAt: storedNow(), result };
  });
}
