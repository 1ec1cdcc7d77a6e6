import { ACTIVITY_TYPE_LABELS } from '../ledger/ledger.types';
import { CADENCE_LABELS } from './framework.types';
import type { Requirement } from './framework.types';

/** 每季度至少 1 次 / 按事件. */
export function cadenceText(requirement: Pick<Requirement, 'cadence' | 'minCount'>): string {
  if (requirement.cadence === 'event') return '按事件';
  return `${CADENCE_LABELS[requirement.cadence]}至少 ${requirement.minCount} 次`;
}

/** 07-15 → 7月15日. */
export function monthDayText(value: string): string {
  const [month, day] = value.split('-').map(Number);
  return month && day ? `${month}月${day}日` : value;
}

/** Which records count: 会议（形势研判） / 任何记录. */
export function evidenceText(requirement: Requirement): string {
  if (requirement.tracking === 'not_tracked') return '暂不按台账判定';
  const types = requirement.evidenceTypes.map((t) => ACTIVITY_TYPE_LABELS[t]).join('、');
  const subtypes = requirement.evidenceSubtypes.join('、');
  const base = types || '任何类型';
  const attendance = requirement.requireAttendance ? '，须登记出席' : '';
  const scope = requirement.countScope === 'subtree' ? '，含下级单位的记录' : '';
  return `${base}${subtypes ? `（${subtypes}）` : ''}${attendance}${scope}`;
}
