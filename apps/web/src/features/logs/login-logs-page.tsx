import { DatePicker, Form, Input, Select, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { LoginLog } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { SearchBar } from '../../components/search-bar';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/use-list-params';
import { rangeToQuery } from './date-range';
import type { DateRange } from './date-range';
import { useLoginLogs } from './logs.api';
import { PagedTable } from '../../components/paged-table';

interface LoginLogFilters {
  username?: string;
  success?: 'true' | 'false';
  range?: DateRange;
}

/** 登录日志: every sign-in attempt, successful or not. */
export function LoginLogsPage() {
  const list = useListParams<LoginLogFilters>({});
  const { range, ...filters } = list.params.filters;
  const { data, isFetching, error, refetch } = useLoginLogs({
    page: list.params.page,
    pageSize: list.params.pageSize,
    ...filters,
    ...rangeToQuery(range),
  });

  const columns: TableColumnsType<LoginLog> = [
    {
      title: '登录时间',
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 180,
      render: (value: string) => formatDateTime(value),
    },
    { title: '用户名', dataIndex: 'username', key: 'username', width: 140 },
    { title: 'IP 地址', dataIndex: 'ip', key: 'ip', width: 150, render: (v) => v ?? '—' },
    {
      title: '结果',
      dataIndex: 'success',
      key: 'success',
      width: 90,
      render: (success: boolean) =>
        success ? (
          <Tag color="success" bordered={false}>
            成功
          </Tag>
        ) : (
          <Tag color="error" bordered={false}>
            失败
          </Tag>
        ),
    },
    { title: '说明', dataIndex: 'message', key: 'message', width: 200, render: (v) => v || '—' },
    {
      title: '浏览器',
      dataIndex: 'userAgent',
      key: 'userAgent',
      ellipsis: { showTitle: false },
      render: (ua: string | null) =>
        ua ? (
          <Tooltip title={ua} placement="topLeft">
            {ua}
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <PageContainer
      title="登录日志"
      breadcrumb={[{ title: '日志审计' }, { title: '登录日志' }]}
      description="记录系统账号的登录情况，用于账号安全审计。"
    >
      <SearchBar<LoginLogFilters> initialValues={{}} onSearch={list.setFilters}>
        <Form.Item name="username" label="用户名">
          <Input allowClear placeholder="请输入用户名" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="success" label="结果">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 110 }}
            options={[
              { value: 'true', label: '成功' },
              { value: 'false', label: '失败' },
            ]}
          />
        </Form.Item>
        <Form.Item name="range" label="登录日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
      </SearchBar>
      <div className="tz-table-card">
        <div className="tz-table-toolbar">
          <Typography.Text strong>登录记录</Typography.Text>
        </div>
        <PagedTable<LoginLog>
          list={list}
          query={{ data, error, isFetching, refetch }}
          emptyText="暂无登录记录"
          rowKey="id"
          columns={columns}
          scroll={{ x: 1000 }}
        />
      </div>
    </PageContainer>
  );
}
