import { In } from 'typeorm';
import { problem, type Problem } from '../../../kit/src/problems.js';
import { storedNow } from '../../../kit/src/time.js';
import { inTransaction } from '../../../kit/src/transaction.js';
import type { Context } from '../context.js';
import { planTagChanges, tagProblems, type HeldTag } from '../domain/tags.js';
import { PersonTag } from '../entities/person-tag.js';
import type { SetTagsInput } from '../generated/resolvers.js';
import { personNotFound, personToWrite, reloaded, refusedPerson, type PersonPayload } from './person-writes.js';
import { newTagRow } from './rows.js';

/**
 * Replaces a person's current tags. Tags that stay keep their row and start; the others
 * close at this moment and new ones open, so `tagHistory` shows every period.
 */
export async function setTags(context: Context, input: SetTagsInput): Promise<PersonPayload> {
  const person = await personToWrite(context, input.personId);
  if (!person) return refusedPerson([personNotFound()]);
  const catalogue = await context.loaders.tagCatalogue();
  const problems: Problem[] = [];
  if (person.status !== 'ACTIVE')
    problems.push(problem('PERSON_NOT_ACTIVE', 'personId', '只能为在册（ACTIVE）人员设置人群标签'));
  const codes = input.tags.map((tag) => tag.code.trim());
  if (new Set(codes).size !== codes.length) problems.push(problem('DUPLICATE_TAG', 'tags', '同一标签只能出现一次'));
  input.tags.forEach((tag, index) => {
    for (const found of tagProblems([tag.code.trim()], tag.occupation ?? null, catalogue))
      problems.push({ ...found, field: `tags.${index}.${found.field === 'tags' ? 'code' : 'occupation'}` });
  });
  const now = storedNow();
  const wanted = input.tags.map((tag) => ({
    code: tag.code.trim(),
    occupation: tag.occupation ?? null,
    since: tag.since ? new Date(`${tag.since}T00:00:00+08:00`) : null,
  }));
  wanted.forEach((tag, index) => {
    if (tag.since && tag.since > now)
      problems.push(problem('INVALID_DATE', `tags.${index}.since`, '标签开始日期不能晚于今天'));
  });
  if (problems.length) return refusedPerson(problems);

  const held: HeldTag[] = await context.loaders.currentTagsByPerson.load(person.id);
  const plan = planTagChanges(held, wanted);
  if (plan.close.length || plan.open.length) {
    await inTransaction(context.db, async (manager) => {
      if (plan.close.length)
        await manager.update(PersonTag, { id: In(plan.close.map((tag) => tag.id)) }, { until: now });
      if (plan.open.length)
        await manager.insert(
          PersonTag,
          plan.open.map((tag) => newTagRow(person, tag, tag.since ?? now)),
        );
    });
  }
  return { person: await reloaded(context, person.id), userErrors: [] };
}
