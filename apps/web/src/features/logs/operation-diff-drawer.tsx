import { Descriptions, Drawer, Empty, Table, Tag, Typography } from 'antd';
import type { OperationLog } from '../../api/types';
import { diffSnapshots } from './operation-diff';
import type { DiffRow } from './operation-diff';
import { formatDateTime } from '../../lib/format';
import { ENTITY_LABELS, fieldLabel, labelOf, OPERATION_ACTION_LABELS } from '../../lib/labels';

function renderValue(value: unknown) {
  if (value === undefined) return <Typography.Text type="secondary">（无）</Typography.Text>;
  if (value === null || value === '')
    return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map(String).join('、');
  if (typeof value === 'object') {
    return <code className="tz-code">{JSON.stringify(value)}</code>;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value);
  return String(value);
}

export function OperationDiffDrawer({
  log,
  onClose,
}: {
  log: OperationLog | null;
  onClose: () => void;
}) {
  const rows = log ? diffSnapshots(log.before, log.after) : [];
  const changedCount = rows.filter((row) => row.changed).length;
  return (
    <Drawer
      title="操作详情"
      open={log !== null}
      onClose={onClose}
      width={720}
      destroyOnHidden
      data-testid="operation-diff-drawer"
    >
      {log ? (
        <>
          <Descriptions
            column={2}
            size="small"
            items={[
              { key: 'time', label: '操作时间', children: formatDateTime(log.createdAt) },
              { key: 'user', label: '操作人', children: log.username ?? '—' },
              {
                key: 'action',
                label: '操作类型',
                children: labelOf(OPERATION_ACTION_LABELS, log.action),
              },
              {
                key: 'entity',
                label: '操作对象',
                children: `${labelOf(ENTITY_LABELS, log.entity)}${log.entityId !== null ? ` #${log.entityId}` : ''}`,
              },
              { key: 'ip', label: 'IP 地址', children: log.ip ?? '—' },
              { key: 'summary', label: '摘要', span: 2, children: log.summary || '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            数据变化
            {rows.length > 0 ? (
              <Typography.Text
                type="secondary"
                style={{ fontSize: 13, fontWeight: 'normal', marginLeft: 8 }}
              >
                共 {changedCount} 项变化
              </Typography.Text>
            ) : null}
          </Typography.Title>
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该操作未记录数据快照" />
          ) : (
            <Table<DiffRow>
              rowKey="field"
              size="small"
              pagination={false}
              dataSource={rows}
              rowClassName={(row) => (row.changed ? 'tz-diff-changed' : '')}
              columns={[
                {
                  title: '字段',
                  dataIndex: 'field',
                  key: 'field',
                  width: 140,
                  render: (field: string, row) => (
                    <>
                      {fieldLabel(field)}
                      {row.changed ? (
                        <Tag color="orange" bordered={false} style={{ marginLeft: 6 }}>
                          变更
                        </Tag>
                      ) : null}
                    </>
                  ),
                },
                { title: '操作前', key: 'before', render: (_, row) => renderValue(row.before) },
                { title: '操作后', key: 'after', render: (_, row) => renderValue(row.after) },
              ]}
            />
          )}
        </>
      ) : null}
    </Drawer>
  );
}
