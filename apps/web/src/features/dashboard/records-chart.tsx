import { useMemo } from 'react';
import { Card, Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { EChart } from '../../components/echart';
import type { ChartOption } from '../../components/echart';
import { QueryErrorAlert } from '../../components/query-error';
import { activityTypeLabel } from '../ledger/ledger-labels';
import { ACTIVITY_TYPES } from '../ledger/ledger.types';
import { useDashboardOverview } from './dashboard-overview.api';
import type { DashboardOverview } from './dashboard-overview.api';

const TYPE_COLORS = ['#b8202a', '#d46b08', '#1677ff', '#389e0d', '#722ed1', '#8c8c8c'];
type Mode = 'month' | 'type';

function monthOption(data: DashboardOverview): ChartOption {
  const months = Array.from(
    { length: 12 },
    (_, i) => `${data.year}-${String(i + 1).padStart(2, '0')}`,
  );
  const lastMonth = data.asOf.slice(0, 7);
  const shown = months.filter((m) => m <= lastMonth);
  const types = ACTIVITY_TYPES.filter((t) => data.records.byMonth.some((r) => r.type === t));
  return {
    color: TYPE_COLORS,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: shown.map((m) => `${Number(m.slice(5))}月`) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      ...types.map((type) => ({
        name: activityTypeLabel(type),
        type: 'bar' as const,
        stack: 'records',
        barMaxWidth: 28,
        data: shown.map(
          (m) => data.records.byMonth.find((r) => r.month === m && r.type === type)?.count ?? 0,
        ),
      })),
      {
        name: '合计',
        type: 'line' as const,
        smooth: true,
        symbolSize: 6,
        itemStyle: { color: '#262626' },
        data: shown.map((m) =>
          data.records.byMonth.filter((r) => r.month === m).reduce((sum, r) => sum + r.count, 0),
        ),
      },
    ],
  };
}

function typeOption(data: DashboardOverview): ChartOption {
  const rows = [...data.records.byType].sort((a, b) => b.count - a.count);
  return {
    color: ['#b8202a'],
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 16, bottom: 24 },
    xAxis: { type: 'category', data: rows.map((r) => activityTypeLabel(r.type)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '记录数',
        type: 'bar',
        barMaxWidth: 40,
        label: { show: true, position: 'top' },
        data: rows.map((r) => r.count),
      },
    ],
  };
}

/** 台账记录趋势: this year's records by month (stacked by type) or by type. */
export function RecordsChart() {
  const { data, isPending, error, refetch } = useDashboardOverview();
  const [mode, setMode] = useState<Mode>('month');
  const option = useMemo(
    () => (data ? (mode === 'month' ? monthOption(data) : typeOption(data)) : null),
    [data, mode],
  );
  return (
    <Card
      title={data ? `${data.year}年台账记录（${data.records.total} 条）` : '台账记录'}
      variant="borderless"
      extra={
        <Segmented<Mode>
          size="small"
          value={mode}
          onChange={setMode}
          options={[
            { value: 'month', label: '按月' },
            { value: 'type', label: '按类型' },
          ]}
        />
      }
      data-testid="dashboard-records-chart"
    >
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {data && data.records.total === 0 ? (
        <Empty description="本年度还没有台账记录" style={{ padding: '48px 0' }} />
      ) : null}
      {data && data.records.total > 0 && option ? <EChart option={option} height={300} /> : null}
    </Card>
  );
}
