import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import type { AuditService } from '../audit/audit.service';
import { DashboardRepository } from '../dashboard/dashboard.repository';
import { FrameworkRepository } from '../framework/framework.repository';
import { FrameworkItemsService } from '../framework/framework-items.service';
import { FrameworkService } from '../framework/framework.service';
import { ComplianceCounts } from './compliance-counts';
import { ComplianceCountsRepository } from './compliance-counts.repository';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

/** Wires the framework and compliance services (a slice of the composition root). */
export function createComplianceServices(db: Kysely<Database>, audit: AuditService, clock: Clock) {
  const frameworkRepository = new FrameworkRepository(db);
  const frameworkDeps = { db, frameworks: frameworkRepository, audit, clock };
  const frameworks = new FrameworkService(frameworkDeps);
  const frameworkItems = new FrameworkItemsService(frameworkDeps);
  const complianceRepository = new ComplianceRepository(db);
  const compliance = new ComplianceService({
    compliance: complianceRepository,
    counts: new ComplianceCounts({
      compliance: complianceRepository,
      counts: new ComplianceCountsRepository(db),
      clock,
    }),
    frameworks: frameworkRepository,
    frameworkService: frameworks,
    clock,
  });
  return {
    frameworks,
    frameworkItems,
    compliance,
    dashboardRepository: new DashboardRepository(db),
  };
}
