import type { Db } from '../../db/database';
import type { Clock } from '../../shared/clock';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import { ProofreadService } from './proofread.service';
import { TermCache } from './term-cache';
import { TermListsRepository } from './term-lists.repository';
import { TermListsService } from './term-lists.service';

export interface ProofreadModuleDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  units: UnitsRepository;
}

/** The proofreader's repositories and services (composition for `services.ts`). */
export function createProofreadModule(deps: ProofreadModuleDeps) {
  const repository = new TermListsRepository(deps.db.kysely, deps.db.dialect);
  const cache = new TermCache();
  const termLists = new TermListsService({
    db: deps.db.kysely,
    termLists: repository,
    units: deps.units,
    audit: deps.audit,
    clock: deps.clock,
    cache,
  });
  const checker = new ProofreadService({ termLists, clock: deps.clock });
  return { repository, cache, termLists, checker };
}

export type ProofreadModule = ReturnType<typeof createProofreadModule>;
