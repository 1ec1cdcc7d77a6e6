import { Tag } from 'antd';
import { ACTIVITY_TYPE_COLORS, ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from './ledger.types';
import type { ActivityType } from './ledger.types';

function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
}

export function activityTypeLabel(type: string): string {
  return isActivityType(type) ? ACTIVITY_TYPE_LABELS[type] : type;
}

/** The record type as a coloured tag. */
export function ActivityTypeTag({ type }: { type: string }) {
  return (
    <Tag color={isActivityType(type) ? ACTIVITY_TYPE_COLORS[type] : 'default'}>
      {activityTypeLabel(type)}
    </Tag>
  );
}

/** 1.2 MB / 35 KB. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
