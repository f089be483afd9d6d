import type { Context } from '../context.js';
import type { ProjectEntity } from '../entities/project.js';
import { decideProject } from './shared/projects.js';

/** The community (a worker of it) approves a proposal; a reason is optional. */
export function approveProject(
  context: Context,
  input: { projectId: string; reason?: string | null },
): Promise<ProjectEntity> {
  return decideProject(context, true, input);
}
