import { useMemo } from 'react';
import { Card, Progress, Skeleton, Table } from 'antd';
import { UNIT_TYPES } from '../../api/types';
import { countUnitsByType } from '../units/unit-tree-utils';
import { useUnitTree } from '../units/units.api';

interface Row {
  type: string;
  count: number;
  share: number;
}

/** The same breakdown as the chart, as exact figures. */
export function UnitTypeTable() {
  const { data, isPending } = useUnitTree();
  const rows = useMemo<Row[]>(() => {
    const counts = countUnitsByType(data ?? []);
    const total = [...counts.values()].reduce((sum, value) => sum + value, 0);
    return UNIT_TYPES.map((type) => ({
      type,
      count: counts.get(type) ?? 0,
      share: total ? Math.round(((counts.get(type) ?? 0) / total) * 1000) / 10 : 0,
    }));
  }, [data]);

  return (
    <Card title="组织类型构成" variant="borderless" className="tz-fill-card">
      {isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <Table<Row>
          rowKey="type"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: '组织类型', dataIndex: 'type', key: 'type', width: 100 },
            {
              title: '数量',
              dataIndex: 'count',
              key: 'count',
              width: 80,
              render: (v) => `${v} 个`,
            },
            {
              title: '占比',
              dataIndex: 'share',
              key: 'share',
              render: (share: number) => (
                <Progress
                  percent={share}
                  size="small"
                  strokeColor="#b8202a"
                  format={(p) => `${p}%`}
                />
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
