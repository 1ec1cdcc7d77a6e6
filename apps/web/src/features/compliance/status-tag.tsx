import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { ComplianceStatus } from './compliance.types';

export const STATUS_LABELS: Record<ComplianceStatus, string> = {
  met: '已完成',
  due_soon: '临期',
  missed: '未完成',
  pending: '进行中',
  not_tracked: '未纳入统计',
};

export const STATUS_COLORS: Record<ComplianceStatus, string> = {
  met: 'green',
  due_soon: 'orange',
  missed: 'red',
  pending: 'blue',
  not_tracked: 'default',
};

/** Hex colours of the statuses for charts and counters. */
export const STATUS_HEX: Record<ComplianceStatus, string> = {
  met: '#389e0d',
  due_soon: '#d46b08',
  missed: '#cf1322',
  pending: '#1677ff',
  not_tracked: '#8c8c8c',
};

export function StatusTag({
  status,
  children,
  onClick,
  testId,
}: {
  status: ComplianceStatus;
  children?: ReactNode;
  onClick?: () => void;
  testId?: string;
}) {
  return (
    <Tag
      color={STATUS_COLORS[status]}
      onClick={onClick}
      style={onClick ? { cursor: 'pointer', marginBlock: 2 } : { marginBlock: 2 }}
      data-testid={testId}
      data-status={status}
    >
      {children ?? STATUS_LABELS[status]}
    </Tag>
  );
}
