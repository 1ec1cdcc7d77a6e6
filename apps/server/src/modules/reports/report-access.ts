import type { Actor } from '../access/data-scope';
import { isPathWithin, unitPathInScope } from '../access/data-scope';
import { hasPermission } from '../access/permissions';
import { statusOf } from './reports.presenter';
import type { ReportWithUnit } from './reports.repository';

// Who may see a report and what they may do with it — the rules every endpoint applies.

export type Visibility = 'own' | 'received';

export interface ReportActions {
  edit: boolean;
  review: boolean;
  submit: boolean;
  return: boolean;
  reopen: boolean;
}

/** Who may see a report: its unit, its author within scope, `all` scope, and — once submitted — the units above. */
export function visibilityOf(
  actor: Actor,
  row: Pick<ReportWithUnit, 'unit_id' | 'unit_path' | 'created_by' | 'status'>,
): Visibility | null {
  if (actor.dataScope === 'all' || row.unit_id === actor.unitId) return 'own';
  if (row.created_by === actor.userId && unitPathInScope(actor, row.unit_path)) return 'own';
  if (
    row.status === 'submitted' &&
    row.unit_path !== actor.unitPath &&
    isPathWithin(row.unit_path, actor.unitPath)
  )
    return 'received';
  return null;
}

/** What the actor may do with a report it sees: 修改, 提交审核, 报送上级, 退回, 撤回. */
export function actionsFor(
  actor: Actor,
  row: Pick<ReportWithUnit, 'status' | 'unit_parent_id'>,
  visibility: Visibility,
): ReportActions {
  const status = statusOf(row);
  const can = (code: string) => hasPermission(actor.permissions, code);
  const own = visibility === 'own';
  const editable = status === 'draft' || status === 'returned';
  return {
    edit: own && editable && can('report:edit'),
    review: own && editable && can('report:edit'),
    submit: own && status !== 'submitted' && row.unit_parent_id !== null && can('report:submit'),
    return:
      can('report:review') &&
      ((own && status === 'review') || (visibility === 'received' && status === 'submitted')),
    reopen: own && status === 'review' && can('report:edit'),
  };
}
