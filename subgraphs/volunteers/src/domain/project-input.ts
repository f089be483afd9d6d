import { problem, type Problem } from './problems.js';
import { boundedText, isWholeNumberIn } from './text.js';

export interface ProjectRequest {
  areaCode: string;
  title: string;
  plan: string;
  budgetFen: number;
  neededVolunteers: number;
  skills?: readonly string[] | null;
}

export interface CheckedProject {
  areaCode: string;
  title: string;
  plan: string;
  budgetFen: number;
  neededVolunteers: number;
  skills: string[];
}

/** Budgets up to 10 million yuan (10^9 fen): a community project, not a construction contract. */
export const MAX_BUDGET_FEN = 1_000_000_000;

/** Every problem of a proposal at once, so a form can mark all its fields. */
export function checkProject(input: ProjectRequest): { project: CheckedProject | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!/^\d{12}$/.test(input.areaCode)) problems.push(problem('INVALID_COMMUNITY_CODE', 'areaCode'));
  const title = boundedText(input.title, 2, 64, 'INVALID_PROJECT_TITLE', 'title');
  if ('problem' in title) problems.push(title.problem);
  const plan = boundedText(input.plan, 10, 2000, 'INVALID_PLAN', 'plan');
  if ('problem' in plan) problems.push(plan.problem);
  if (!isWholeNumberIn(input.budgetFen, 0, MAX_BUDGET_FEN)) problems.push(problem('INVALID_BUDGET', 'budgetFen'));
  if (!isWholeNumberIn(input.neededVolunteers, 1, 500))
    problems.push(problem('INVALID_NEEDED_VOLUNTEERS', 'neededVolunteers'));
  const skills = (input.skills ?? []).map((skill) => skill.trim());
  if (skills.length > 10 || skills.some((skill) => [...skill].length < 1 || [...skill].length > 16))
    problems.push(problem('INVALID_SKILLS', 'skills'));
  if (problems.length || 'problem' in title || 'problem' in plan) return { project: null, problems };
  return {
    project: {
      areaCode: input.areaCode,
      title: title.value,
      plan: plan.value,
      budgetFen: input.budgetFen,
      neededVolunteers: input.neededVolunteers,
      skills: [...new Set(skills)],
    },
    problems,
  };
}
