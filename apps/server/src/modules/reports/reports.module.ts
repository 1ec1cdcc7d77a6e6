import type { Db } from '../../db/database';
import type { Clock } from '../../shared/clock';
import type { AuditService } from '../audit/audit.service';
import type { ComplianceService } from '../compliance/compliance.service';
import type { ProofreadService } from '../proofread/proofread.service';
import type { UnitsRepository } from '../units/units.repository';
import { ReportAggregatesRepository } from './report-aggregates.repository';
import { ReportFiguresService } from './report-figures.service';
import { ReportInputService } from './report-input.service';
import { ReportReceivedService } from './report-received.service';
import { ReportTemplatesService } from './report-templates.service';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

export interface ReportsModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  units: UnitsRepository;
  compliance: Pick<ComplianceService, 'compute'>;
  proofreader: Pick<ProofreadService, 'check'>;
}

/** The reports module's repositories and services (composition for `services.ts`). */
export function createReportsModule(deps: ReportsModuleDeps) {
  const kysely = deps.db.kysely;
  const repositories = {
    reports: new ReportsRepository(kysely),
    aggregates: new ReportAggregatesRepository(kysely, deps.db.dialect),
  };
  const input = new ReportInputService({
    aggregates: repositories.aggregates,
    reports: repositories.reports,
    compliance: deps.compliance,
  });
  const templates = new ReportTemplatesService({
    db: kysely,
    reports: repositories.reports,
    audit: deps.audit,
    clock: deps.clock,
  });
  const reports = new ReportsService({
    db: kysely,
    reports: repositories.reports,
    units: deps.units,
    input,
    templates,
    proofreader: deps.proofreader,
    audit: deps.audit,
    clock: deps.clock,
  });
  const figures = new ReportFiguresService({ reports, aggregates: repositories.aggregates, input });
  const received = new ReportReceivedService({
    reports: repositories.reports,
    aggregates: repositories.aggregates,
    units: deps.units,
    today: () => reports.today(),
  });
  return { repositories, input, templates, reports, figures, received };
}

export type ReportsModule = ReturnType<typeof createReportsModule>;
