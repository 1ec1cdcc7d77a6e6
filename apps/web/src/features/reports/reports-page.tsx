import { useState } from 'react';
import { Button, Form, Select, Space, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate, formatDateTime } from '../../lib/format';
import { useAuth } from '../auth/use-auth';
import { GenerateReportModal } from './generate-report-modal';
import type { ReportListQuery } from './reports.api';
import { useReportList } from './reports.api';
import type { ReportSummary } from './reports.types';
import { KIND_LABELS, REPORT_PERM, STATUS_COLORS, periodLabel, recentPeriods } from './report-text';

/** 报告管理: the reports the user can see, and 生成报告. */
export function ReportsPage() {
  const { can } = useAuth();
  const [query, setQuery] = useState<ReportListQuery>({ page: 1, pageSize: 20 });
  const [generating, setGenerating] = useState(false);
  const { data, isFetching, error, refetch } = useReportList(query);

  const columns: TableColumnsType<ReportSummary> = [
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (title: string, r) => <Link to={`/reports/${r.id}`}>{title}</Link>,
    },
    { title: '单位', dataIndex: 'unitName', key: 'unitName', width: 200 },
    { title: '类型', dataIndex: 'kindLabel', key: 'kind', width: 120 },
    {
      title: '期间',
      dataIndex: 'periodKey',
      key: 'period',
      width: 130,
      render: (key: string) => periodLabel(key),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (s: string, r) => <Tag color={STATUS_COLORS[s]}>{r.statusLabel}</Tag>,
    },
    {
      title: '成文日期',
      dataIndex: 'documentDate',
      key: 'documentDate',
      width: 140,
      render: (d: string) => formatDate(d),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 170,
      render: (d: string) => formatDateTime(d),
    },
  ];

  return (
    <PageContainer
      title="报告管理"
      breadcrumb={[{ title: '工作报告' }, { title: '报告管理' }]}
      description="根据台账自动生成工作总结、自查报告和专题报告，逐节修改、实时校对、报送上级。"
      extra={
        can(REPORT_PERM.add) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setGenerating(true)}
            data-testid="generate-report"
          >
            生成报告
          </Button>
        ) : null
      }
    >
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            allowClear
            placeholder="报告类型"
            style={{ width: 160 }}
            options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            onChange={(kind?: string) => setQuery((q) => ({ ...q, kind, page: 1 }))}
          />
          <Select
            allowClear
            placeholder="期间"
            style={{ width: 160 }}
            options={recentPeriods()}
            onChange={(period?: string) => setQuery((q) => ({ ...q, period, page: 1 }))}
          />
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 120 }}
            options={[
              { value: 'draft', label: '草稿' },
              { value: 'review', label: '待审核' },
              { value: 'returned', label: '退回' },
              { value: 'submitted', label: '已报送' },
            ]}
            onChange={(status?: ReportListQuery['status']) =>
              setQuery((q) => ({ ...q, status, page: 1 }))
            }
          />
        </Space>
      </Form>
      <QueryErrorAlert error={error} onRetry={() => void refetch()} />
      <Table<ReportSummary>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isFetching}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showTotal: (n) => `共 ${n} 份`,
          onChange: (page, pageSize) => setQuery((q) => ({ ...q, page, pageSize })),
        }}
      />
      <GenerateReportModal open={generating} onClose={() => setGenerating(false)} />
    </PageContainer>
  );
}
