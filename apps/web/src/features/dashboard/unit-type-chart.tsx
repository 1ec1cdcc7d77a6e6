import { useMemo } from 'react';
import { Card, Empty, Skeleton } from 'antd';
import { EChart } from '../../components/echart';
import type { ChartOption } from '../../components/echart';
import { QueryErrorAlert } from '../../components/query-error';
import { UNIT_TYPES } from '../../api/types';
import { countUnitsByType } from '../units/unit-tree-utils';
import { useUnitTree } from '../units/units.api';

const TYPE_COLORS = ['#b8202a', '#d4380d', '#d46b08', '#d4b106', '#1677ff', '#8c8c8c'];

/** 组织概况: the visible units by organization type, counted from the unit tree. */
export function UnitTypeChart() {
  const { data, isPending, error, refetch } = useUnitTree();

  const counts = useMemo(() => countUnitsByType(data ?? []), [data]);
  const total = [...counts.values()].reduce((sum, value) => sum + value, 0);

  const option = useMemo<ChartOption>(
    () => ({
      color: TYPE_COLORS,
      tooltip: { trigger: 'item', formatter: '{b}：{c} 个（{d}%）' },
      legend: { orient: 'vertical', right: 16, top: 'middle', icon: 'circle' },
      series: [
        {
          name: '组织类型',
          type: 'pie',
          radius: ['45%', '70%'],
          center: ['38%', '50%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { show: true, formatter: '{b}\n{c} 个' },
          data: UNIT_TYPES.filter((type) => counts.has(type)).map((type) => ({
            name: type,
            value: counts.get(type) ?? 0,
          })),
        },
      ],
    }),
    [counts],
  );

  return (
    <Card
      title="组织概况"
      extra={data ? <span className="tz-muted">共 {total} 个党组织</span> : null}
      variant="borderless"
      data-testid="chart-unit-types"
    >
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : total === 0 ? (
        <Empty description="暂无单位数据" style={{ padding: '48px 0' }} />
      ) : (
        <EChart option={option} height={300} />
      )}
    </Card>
  );
}
