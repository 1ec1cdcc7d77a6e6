import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import type { AuditService } from '../audit/audit.service';
import { DashboardRepository } from '../dashboard/dashboard.repository';
import { FrameworkRepository } from '../framework/framework.repository';
import { FrameworkItemsService } from '../framework/framework-items.service';
import { FrameworkService } from '../framework/framework.service';
import { ComplianceRepository } from './compliance.repository';
import { ComplianceService } from './compliance.service';

/** Wires the framework and compliance services (a slice of the composition root). */
export function createComplianceServices(db: Kysely<Database>, audit: AuditService, clock: Clock) {
  const frameworkRepository = new FrameworkRepository(db);
  const frameworkDeps = { db, frameworks: frameworkRepository, audit, clock };
  const frameworks = new FrameworkService(frameworkDeps);
  const frameworkItems = new FrameworkItemsService(frameworkDeps);
  const compliance = new ComplianceService({
    compliance: new ComplianceRepository(db),
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
