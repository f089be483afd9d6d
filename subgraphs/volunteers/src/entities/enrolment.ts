import { EntitySchema } from 'typeorm';
import type { EnrolmentStatus } from '../domain/attendance.js';

export interface EnrolmentEntity {
  id: string;
  activityId: string;
  volunteerId: string;
  /** The activity's grid code: a volunteer's enrolments are listed inside the viewer's scope. */
  areaCode: string;
  /** The volunteer's area code: an activity's enrolments show only visible volunteers. */
  volunteerAreaCode: string;
  status: EnrolmentStatus;
  enrolledAt: Date;
  cancelledAt: Date | null;
  checkedInAt: Date | null;
  checkedOutAt: Date | null;
}

/** One row per volunteer and activity: cancelling and enrolling again reuse it. */
export const Enrolment = new EntitySchema<EnrolmentEntity>({
  name: 'Enrolment',
  tableName: 'enrolment',
  columns: {
    id: { type: 'varchar', length: 36, primary: true },
    activityId: { name: 'activity_id', type: 'varchar', length: 36 },
    volunteerId: { name: 'volunteer_id', type: 'varchar', length: 36 },
    areaCode: { name: 'area_code', type: 'varchar', length: 18 },
    volunteerAreaCode: { name: 'volunteer_area_code', type: 'varchar', length: 18 },
    status: { type: 'varchar', length: 16 },
    enrolledAt: { name: 'enrolled_at', type: 'datetime' },
    cancelledAt: { name: 'cancelled_at', type: 'datetime', nullable: true },
    checkedInAt: { name: 'checked_in_at', type: 'datetime', nullable: true },
    checkedOutAt: { name: 'checked_out_at', type: 'datetime', nullable: true },
  },
});
