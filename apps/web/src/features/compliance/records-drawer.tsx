import { useQueries } from '@tanstack/react-query';
import { Alert, Descriptions, Drawer, Empty, List, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api/api-client';
import { formatDate } from '../../lib/format';
import { ActivityTypeTag } from '../ledger/ledger-labels';
import { ledgerKeys } from '../ledger/ledger.api';
import type { Activity } from '../ledger/ledger.types';
import { periodLabel } from '../ledger/period';
import type { Id } from '../../api/types';
import { useCellRecordIds } from './compliance.api';
import type { ComplianceItem } from './compliance.types';
import { StatusTag } from './status-tag';

export interface RecordsTarget {
  unitId: Id;
  unitName: string;
  requirementTitle: string;
  item: ComplianceItem;
}

/** The records that satisfy one requirement of one unit in one period. */
export function RecordsDrawer({
  target,
  onClose,
}: {
  target: RecordsTarget | null;
  onClose: () => void;
}) {
  const { ids, pending } = useCellRecordIds(target?.unitId, target?.item);
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ledgerKeys.detail(id),
      queryFn: () => api.get<Activity>(`/activities/${id}`),
    })),
  });
  const loading = pending || results.some((r) => r.isPending);
  const records = results.flatMap((r) => (r.data ? [r.data] : []));
  const item = target?.item;

  return (
    <Drawer
      title={target ? `${target.requirementTitle}` : ''}
      open={target !== null}
      onClose={onClose}
      width={560}
      destroyOnHidden
      data-testid="compliance-records"
    >
      {target && item ? (
        <>
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'unit', label: '单位', children: target.unitName },
              { key: 'period', label: '期间', children: periodLabel(item.period) },
              {
                key: 'status',
                label: '状态',
                children: <StatusTag status={item.status} />,
              },
              {
                key: 'count',
                label: '完成情况',
                children:
                  item.status === 'not_tracked'
                    ? '该要求暂不按台账判定'
                    : `已记录 ${item.count} 次，要求至少 ${item.required} 次`,
              },
              { key: 'deadline', label: '截止日期', children: formatDate(item.deadline) },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            计入的台账记录
          </Typography.Title>
          {item.count > ids.length ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 8 }}
              message={`共 ${item.count} 条，此处列出前 ${ids.length} 条`}
            />
          ) : null}
          {loading ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
          {!loading && ids.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本期还没有计入该要求的记录" />
          ) : null}
          {!loading && records.length > 0 ? (
            <List<Activity>
              size="small"
              dataSource={records}
              renderItem={(record) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={`/ledger/${record.id}`}>{record.title}</Link>}
                    description={
                      <>
                        <ActivityTypeTag type={record.type} />
                        {record.subtype} · {formatDate(record.date)} · {record.unitName}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : null}
        </>
      ) : null}
    </Drawer>
  );
}
