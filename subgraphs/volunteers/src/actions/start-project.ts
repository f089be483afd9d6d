import { refuse } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import type { Context } from '../context.js';
import { problem } from '../domain/problems.js';
import type { ProjectEntity } from '../entities/project.js';
import { isClaimantOrManager, moveProject } from './shared/projects.js';

/** CLAIMED → IN_PROGRESS: the claimant or a worker of the community. */
export function startProject(context: Context, input: { projectId: string }): Promise<ProjectEntity> {
  return moveProject(context, input.projectId, 'START', async (project) => {
    if (!(await isClaimantOrManager(context, project))) refuse(problem('NOT_PROJECT_CLAIMANT', 'projectId'));
    return { startedAt: storedNow() };
  });
}
