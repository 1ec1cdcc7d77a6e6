import type { AppConfig } from './config';
import type { Db } from './db/database';
import type { Clock } from './shared/clock';
import { AuditRepository } from './modules/audit/audit.repository';
import { AuditService } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { createComplianceServices } from './modules/compliance/compliance.module';
import { SessionRepository } from './modules/auth/session.repository';
import { DashboardService } from './modules/dashboard/dashboard.service';
import { createLedgerModule } from './modules/ledger/ledger.module';
import { PeopleRepository } from './modules/people/people.repository';
import { createProofreadModule } from './modules/proofread/proofread.module';
import { createReportsModule } from './modules/reports/reports.module';
import { PeopleService } from './modules/people/people.service';
import { ResponsibilitiesRepository } from './modules/responsibilities/responsibilities.repository';
import { ResponsibilitiesService } from './modules/responsibilities/responsibilities.service';
import { RolesRepository } from './modules/roles/roles.repository';
import { RolesService } from './modules/roles/roles.service';
import { UnitsRepository } from './modules/units/units.repository';
import { UnitsService } from './modules/units/units.service';
import { UsersRepository } from './modules/users/users.repository';
import { UsersService } from './modules/users/users.service';

/** The composition root: every repository and service, each given exactly what it uses. */
export function createServices(db: Db, config: AppConfig, clock: Clock) {
  const kysely = db.kysely;
  const repositories = {
    audit: new AuditRepository(kysely),
    sessions: new SessionRepository(kysely),
    users: new UsersRepository(kysely),
    roles: new RolesRepository(kysely),
    units: new UnitsRepository(kysely),
    people: new PeopleRepository(kysely),
    responsibilities: new ResponsibilitiesRepository(kysely),
  };
  const audit = new AuditService(repositories.audit, clock);
  const auth = new AuthService({
    db: kysely,
    users: repositories.users,
    roles: repositories.roles,
    units: repositories.units,
    sessions: repositories.sessions,
    audit,
    clock,
    config,
  });
  const units = new UnitsService({ db: kysely, units: repositories.units, audit, clock });
  const people = new PeopleService({
    db: kysely,
    people: repositories.people,
    units: repositories.units,
    audit,
    clock,
  });
  const responsibilities = new ResponsibilitiesService({
    db: kysely,
    responsibilities: repositories.responsibilities,
    people: repositories.people,
    units: repositories.units,
    audit,
    clock,
  });
  const roles = new RolesService({ db: kysely, roles: repositories.roles, audit, clock });
  const users = new UsersService({
    db: kysely,
    users: repositories.users,
    roles: repositories.roles,
    units: repositories.units,
    sessions: repositories.sessions,
    audit,
    clock,
  });
  const { frameworks, frameworkItems, compliance, dashboardRepository } = createComplianceServices(
    kysely,
    audit,
    clock,
  );
  const dashboard = new DashboardService({
    units: repositories.units,
    people: repositories.people,
    users: repositories.users,
    dashboard: dashboardRepository,
    compliance,
    clock,
  });
  const ledger = createLedgerModule({
    db,
    config,
    clock,
    audit,
    auditLog: repositories.audit,
    units: repositories.units,
  });
  const proofread = createProofreadModule({ db, clock, audit, units: repositories.units });
  const reports = createReportsModule({
    db,
    clock,
    audit,
    units: repositories.units,
    compliance,
    proofreader: proofread.checker,
  });
  return {
    repositories,
    audit,
    auth,
    units,
    people,
    responsibilities,
    roles,
    users,
    dashboard,
    frameworks,
    frameworkItems,
    compliance,
    ledger,
    proofread,
    reports,
  };
}

export type Services = ReturnType<typeof createServices>;
