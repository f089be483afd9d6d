import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { badUserInput } from '../../../kit/src/errors.js';
import { storedNow } from '../../../kit/src/time.js';
import { ServiceRecord, type ServiceRecordEntity } from '../entities/service-record.js';
import type { Loaders } from '../loaders.js';
import type { ServiceCertificateModel, VolunteerModel } from '../mappers.js';

export interface CertificateKey {
  volunteerId: string;
  from: Date;
  to: Date;
}

/**
 * The confirmed services of volunteers in a period, in the order served. Keys asking the
 * same period share one statement, so a list of volunteers with their certificates costs
 * one statement per distinct period, not one per volunteer.
 */
export function createCertificateLoader(dataSource: DataSource) {
  return new DataLoader<CertificateKey, ServiceRecordEntity[], string>(
    async (keys) => {
      const byRange = new Map<string, { from: Date; to: Date; volunteerIds: Set<string> }>();
      for (const key of keys) {
        const range = rangeKey(key);
        const group = byRange.get(range) ?? { from: key.from, to: key.to, volunteerIds: new Set<string>() };
        group.volunteerIds.add(key.volunteerId);
        byRange.set(range, group);
      }
      const found = new Map<string, ServiceRecordEntity[]>();
      for (const [range, group] of byRange) {
        const rows = await dataSource
          .getRepository(ServiceRecord)
          .createQueryBuilder('record')
          .where('record.volunteerId IN (:...ids)', { ids: [...group.volunteerIds] })
          .andWhere("record.status = 'CONFIRMED'")
          .andWhere('record.servedAt >= :from AND record.servedAt < :to', { from: group.from, to: group.to })
          .orderBy('record.servedAt', 'ASC')
          .addOrderBy('record.id', 'ASC')
          .getMany();
        for (const row of rows) {
          const key = `${row.volunteerId}|${range}`;
          found.set(key, [...(found.get(key) ?? []), row]);
        }
      }
      return keys.map((key) => found.get(`${key.volunteerId}|${rangeKey(key)}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.volunteerId}|${rangeKey(key)}` },
  );
}

function rangeKey(key: { from: Date; to: Date }): string {
  return `${key.from.toISOString()}|${key.to.toISOString()}`;
}

/** `Volunteer.serviceRecord`: the certificate of a volunteer's confirmed services in [from, to). */
export async function certificateOf(
  loaders: Loaders,
  volunteer: VolunteerModel,
  from: Date,
  to: Date,
): Promise<ServiceCertificateModel> {
  if (from.getTime() >= to.getTime()) throw badUserInput('to 必须晚于 from', 'to');
  const services = await loaders.certificates.load({ volunteerId: volunteer.id, from, to });
  return { volunteer, from, to, services, issuedAt: storedNow() };
}
