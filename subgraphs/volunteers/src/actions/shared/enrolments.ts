import { refuse } from '../../../../kit/src/problems.js';
import type { Context } from '../../context.js';
import { sees } from '../../domain/access.js';
import { problem } from '../../domain/problems.js';
import { Activity, type ActivityEntity } from '../../entities/activity.js';
import { Enrolment, type EnrolmentEntity } from '../../entities/enrolment.js';
import { Volunteer, type VolunteerEntity } from '../../entities/volunteer.js';

export interface EnrolmentFacts {
  enrolment: EnrolmentEntity;
  volunteer: VolunteerEntity;
  activity: ActivityEntity;
}

/** An enrolment the viewer may see (their own, or one in their scope) with its volunteer and activity. */
export async function visibleEnrolment(context: Context, enrolmentId: string): Promise<EnrolmentFacts> {
  const { dataSource } = context.db;
  const enrolment = await dataSource.getRepository(Enrolment).findOneBy({ id: enrolmentId });
  const volunteer = enrolment
    ? await dataSource.getRepository(Volunteer).findOneBy({ id: enrolment.volunteerId })
    : null;
  const activity = enrolment ? await dataSource.getRepository(Activity).findOneBy({ id: enrolment.activityId }) : null;
  if (!enrolment || !volunteer || !activity) refuse(problem('ENROLMENT_NOT_FOUND', 'enrolmentId'));
  const { viewer } = context;
  if (!sees(viewer, volunteer, [enrolment.areaCode, enrolment.volunteerAreaCode]))
    refuse(problem('ENROLMENT_NOT_FOUND', 'enrolmentId'));
  return { enrolment, volunteer, activity };
}
