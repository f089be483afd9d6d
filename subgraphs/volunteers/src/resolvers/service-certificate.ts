import { minutesToHours } from '../domain/service-hours.js';
import type { ServiceCertificateResolvers } from '../generated/resolvers.js';

export const ServiceCertificate: ServiceCertificateResolvers = {
  serviceCount: (certificate) => certificate.services.length,
  totalHours: (certificate) => minutesToHours(certificate.services.reduce((sum, record) => sum + record.minutes, 0)),
};
