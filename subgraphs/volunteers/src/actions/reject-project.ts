import type { Context } from '../context.js';
import type { ProjectEntity } from '../entities/project.js';
import { decideProject } from './shared/projects.js';

/** The community (a worker of it) rejects a proposal, saying why. */
export function rejectProject(
  context: Context,
  input: { projectId: string; reason?: string | null },
): Promise<ProjectEntity> {
  return decideProject(context, false, input);
}
