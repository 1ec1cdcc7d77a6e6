import { useState } from 'react';
import { Button, DatePicker, Form, Input, Select, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { OperationLog } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { SearchBar } from '../../components/search-bar';
import { formatDateTime } from '../../lib/format';
import { ENTITY_LABELS, labelOf, OPERATION_ACTION_LABELS } from '../../lib/labels';
import { useListParams } from '../../lib/use-list-params';
import { rangeToQuery } from './date-range';
import type { DateRange } from './date-range';
import { useOperationLogs } from './logs.api';
import { OperationDiffDrawer } from './operation-diff-drawer';
import { PagedTable } from '../../components/paged-table';

interface OperationLogFilters {
  username?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  range?: DateRange;
}

const ACTION_COLORS: Record<string, string> = {
  create: 'success',
  update: 'processing',
  delete: 'error',
};

/** 操作日志: the append-only record of every change, with before/after snapshots. */
export function OperationLogsPage() {
  const list = useListParams<OperationLogFilters>({});
  const { range, ...filters } = list.params.filters;
  const { data, isFetching, error, refetch } = useOperationLogs({
    page: list.params.page,
    pageSize: list.params.pageSize,
    ...filters,
    ...rangeToQuery(range),
  });
  const [detail, setDetail] = useState<OperationLog | null>(null);

  const columns: TableColumnsType<OperationLog> = [
    {
      title: '操作时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 180,
      render: (value: string) => formatDateTime(value),
    },
    {
      title: '操作人',
      dataIndex: 'username',
      key: 'username',
      width: 120,
      render: (v) => v ?? '—',
    },
    {
      title: '操作类型',
      dataIndex: 'action',
      key: 'action',
      width: 100,
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action]} bordered={false}>
          {labelOf(OPERATION_ACTION_LABELS, action)}
        </Tag>
      ),
    },
    {
      title: '操作对象',
      key: 'entity',
      width: 140,
      render: (_, log) =>
        `${labelOf(ENTITY_LABELS, log.entity)}${log.entityId !== null ? ` #${log.entityId}` : ''}`,
    },
    {
      title: '摘要',
      dataIndex: 'summary',
      key: 'summary',
      ellipsis: true,
      render: (v) => v || '—',
    },
    { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 140, render: (v) => v ?? '—' },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, log) => (
        <Button type="link" size="small" onClick={() => setDetail(log)}>
          详情
        </Button>
      ),
    },
  ];

  return (
    <PageContainer
      title="操作日志"
      breadcrumb={[{ title: '日志审计' }, { title: '操作日志' }]}
      description="记录每一次数据变更：谁、何时、对哪条记录做了什么，以及变更前后的内容。日志只增不改。"
    >
      <SearchBar<OperationLogFilters> initialValues={{}} onSearch={list.setFilters}>
        <Form.Item name="username" label="操作人">
          <Input allowClear placeholder="用户名" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="action" label="操作类型">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={['create', 'update', 'delete', 'password', 'reset-password'].map((action) => ({
              value: action,
              label: labelOf(OPERATION_ACTION_LABELS, action),
            }))}
          />
        </Form.Item>
        <Form.Item name="entity" label="操作对象">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 130 }}
            options={Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label="记录编号">
          <Input allowClear placeholder="如：12" style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="range" label="操作日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </SearchBar>
      <div className="tz-table-card">
        <div className="tz-table-toolbar">
          <Typography.Text strong>操作记录</Typography.Text>
        </div>
        <PagedTable<OperationLog>
          list={list}
          query={{ data, error, isFetching, refetch }}
          emptyText="暂无操作记录"
          rowKey="id"
          columns={columns}
          scroll={{ x: 1000 }}
        />
      </div>
      <OperationDiffDrawer log={detail} onClose={() => setDetail(null)} />
    </PageContainer>
  );
}
