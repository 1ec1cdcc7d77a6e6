import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppConfig } from '../../config';
import type { Db } from '../../db/database';
import type { Clock } from '../../shared/clock';
import type { AuditRepository } from '../audit/audit.repository';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import { ActivitiesRepository } from './activities/activities.repository';
import { registerActivityRoutes } from './activities/activities.routes';
import { ActivitiesService } from './activities/activities.service';
import { LedgerLookupsRepository } from './activities/ledger-lookups.repository';
import { ChannelsRepository } from './channels/channels.repository';
import { registerChannelRoutes } from './channels/channels.routes';
import { ChannelsService } from './channels/channels.service';
import { EvidenceStore } from './evidence/evidence-store';
import { EvidenceRepository } from './evidence/evidence.repository';
import { EvidenceService } from './evidence/evidence.service';
import { ExcelService } from './excel/excel.service';
import { registerExcelRoutes } from './excel/excel.routes';
import { IncidentsRepository } from './incidents/incidents.repository';
import { registerIncidentRoutes } from './incidents/incidents.routes';
import { IncidentsService } from './incidents/incidents.service';
import { InterchangeRepository } from './interchange/interchange.repository';
import { registerInterchangeRoutes } from './interchange/interchange.routes';
import { LedgerExportService } from './interchange/ledger-export.service';
import { LedgerImportService } from './interchange/ledger-import.service';
import type { LedgerLimits } from './ledger-limits';

export interface LedgerModuleDeps {
  db: Db;
  config: Pick<AppConfig, 'filesDir' | 'evidenceMaxBytes' | 'importMaxBytes' | 'excelMaxRows'>;
  clock: Clock;
  audit: AuditService;
  auditLog: AuditRepository;
  units: UnitsRepository;
  limits?: LedgerLimits;
}

/** The work ledger's repositories and services (composition for `services.ts`). */
export function createLedgerModule(deps: LedgerModuleDeps) {
  const kysely = deps.db.kysely;
  const { clock, audit, units } = deps;
  const { evidenceMaxBytes, importMaxBytes, excelMaxRows } = deps.config;
  const limits = deps.limits ?? { evidenceMaxBytes, importMaxBytes, excelMaxRows };
  const repositories = {
    activities: new ActivitiesRepository(kysely, deps.db.dialect),
    evidence: new EvidenceRepository(kysely),
    channels: new ChannelsRepository(kysely),
    incidents: new IncidentsRepository(kysely),
    lookups: new LedgerLookupsRepository(kysely),
    interchange: new InterchangeRepository(kysely),
  };
  const activities = new ActivitiesService({
    db: kysely,
    activities: repositories.activities,
    evidence: repositories.evidence,
    units,
    lookups: repositories.lookups,
    audit,
    auditLog: deps.auditLog,
    clock,
  });
  const evidence = new EvidenceService({
    db: kysely,
    evidence: repositories.evidence,
    activities: repositories.activities,
    store: new EvidenceStore(deps.config.filesDir),
    audit,
    clock,
    limits,
  });
  const channels = new ChannelsService({
    db: kysely,
    channels: repositories.channels,
    units,
    lookups: repositories.lookups,
    audit,
    clock,
  });
  const incidents = new IncidentsService({
    db: kysely,
    incidents: repositories.incidents,
    units,
    audit,
    clock,
  });
  const importer = new LedgerImportService({
    db: kysely,
    interchange: repositories.interchange,
    activities: repositories.activities,
    evidence: repositories.evidence,
    channels: repositories.channels,
    incidents: repositories.incidents,
    audit,
    clock,
  });
  const exporter = new LedgerExportService({
    interchange: repositories.interchange,
    evidence: repositories.evidence,
    units,
  });
  const excel = new ExcelService({
    db: kysely,
    activities,
    activitiesRepo: repositories.activities,
    units,
    lookups: repositories.lookups,
    audit,
    limits,
  });
  return {
    repositories,
    limits,
    activities,
    evidence,
    channels,
    incidents,
    importer,
    exporter,
    excel,
  };
}

export type LedgerModule = ReturnType<typeof createLedgerModule>;

/** Every ledger route, in its own scope with multipart uploads and JSON Lines bodies. */
export function registerLedgerRoutes(api: FastifyInstance, ledger: LedgerModule): void {
  void api.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        files: 1,
        fields: 10,
        fileSize: Math.max(ledger.limits.evidenceMaxBytes, ledger.limits.importMaxBytes),
      },
    });
    scope.addContentTypeParser(
      ['application/x-ndjson', 'application/jsonl', 'text/plain'],
      { parseAs: 'string', bodyLimit: ledger.limits.importMaxBytes },
      (_request, body, done) => done(null, body),
    );
    registerActivityRoutes(scope, ledger.activities, ledger.evidence, ledger.limits);
    registerChannelRoutes(scope, ledger.channels);
    registerIncidentRoutes(scope, ledger.incidents);
    registerInterchangeRoutes(
      scope,
      { importer: ledger.importer, exporter: ledger.exporter },
      ledger.limits,
    );
    registerExcelRoutes(scope, ledger.excel, ledger.limits);
  });
}
