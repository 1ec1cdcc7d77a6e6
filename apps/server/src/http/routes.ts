import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config';
import type { Services } from '../services';
import { registerAuthRoutes } from '../modules/auth/auth.routes';
import { registerComplianceRoutes } from '../modules/compliance/compliance.routes';
import { registerFrameworkRoutes } from '../modules/framework/framework.routes';
import { registerLedgerRoutes } from '../modules/ledger/ledger.module';
import { registerDashboardRoutes } from '../modules/dashboard/dashboard.routes';
import { registerLogRoutes } from '../modules/audit/logs.routes';
import { registerPeopleRoutes } from '../modules/people/people.routes';
import { registerProofreadRoutes } from '../modules/proofread/proofread.routes';
import { registerReportRoutes } from '../modules/reports/reports.routes';
import { registerResponsibilityRoutes } from '../modules/responsibilities/responsibilities.routes';
import { registerRoleRoutes } from '../modules/roles/roles.routes';
import { registerUnitRoutes } from '../modules/units/units.routes';
import { registerUserRoutes } from '../modules/users/users.routes';

/** Every module's routes, mounted under /api. */
export function registerApiRoutes(
  api: FastifyInstance,
  services: Services,
  config: AppConfig,
): void {
  api.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  registerAuthRoutes(api, services.auth, config);
  registerDashboardRoutes(api, services.dashboard);
  registerUnitRoutes(api, services.units);
  registerPeopleRoutes(api, services.people);
  registerResponsibilityRoutes(api, services.responsibilities);
  registerUserRoutes(api, services.users);
  registerRoleRoutes(api, services.roles);
  registerLogRoutes(api, services.repositories.audit);
  registerFrameworkRoutes(api, services.frameworks, services.frameworkItems);
  registerComplianceRoutes(api, services.compliance);
  registerLedgerRoutes(api, services.ledger);
  registerProofreadRoutes(api, services.proofread);
  registerReportRoutes(api, services.reports);
}
