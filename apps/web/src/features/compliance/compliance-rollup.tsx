import { Space, Table, Typography } from 'antd';
import type { ComplianceReport, ComplianceUnit } from './compliance.types';
import type { RecordsTarget } from './records-drawer';
import { StatusTag } from './status-tag';
import { periodLabel } from '../ledger/period';

/** 按单位汇总: each unit's counts and the duties it missed (a 党委 sees which 支部 missed what). */
export function ComplianceRollup({
  report,
  onOpen,
}: {
  report: ComplianceReport;
  onOpen: (target: RecordsTarget) => void;
}) {
  const titles = new Map(report.requirements.map((r) => [r.id, r.title]));
  return (
    <Table<ComplianceUnit>
      rowKey="id"
      size="middle"
      dataSource={report.units}
      pagination={report.units.length > 20 ? { pageSize: 20 } : false}
      data-testid="compliance-rollup"
      columns={[
        {
          title: '单位',
          dataIndex: 'name',
          key: 'name',
          width: 220,
          render: (name: string, unit) => (
            <>
              {name}
              <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
                {unit.type}
              </Typography.Text>
            </>
          ),
        },
        {
          title: '已完成',
          key: 'met',
          width: 80,
          sorter: (a, b) => a.counts.met - b.counts.met,
          render: (_, unit) => unit.counts.met,
        },
        {
          title: '未完成',
          key: 'missed',
          width: 80,
          defaultSortOrder: 'descend',
          sorter: (a, b) => a.counts.missed - b.counts.missed,
          render: (_, unit) =>
            unit.counts.missed ? (
              <Typography.Text type="danger" strong>
                {unit.counts.missed}
              </Typography.Text>
            ) : (
              0
            ),
        },
        {
          title: '临期',
          key: 'due_soon',
          width: 70,
          render: (_, unit) => unit.counts.due_soon,
        },
        {
          title: '进行中',
          key: 'pending',
          width: 70,
          render: (_, unit) => unit.counts.pending,
        },
        {
          title: '未完成 / 临期的要求',
          key: 'open',
          render: (_, unit) => {
            const open = unit.items.filter((i) => i.status === 'missed' || i.status === 'due_soon');
            if (open.length === 0) return <span className="tz-muted">—</span>;
            return (
              <Space size={[0, 4]} wrap>
                {open.map((item) => {
                  const title = titles.get(item.requirementId) ?? '';
                  return (
                    <StatusTag
                      key={`${item.requirementId}-${item.period}`}
                      status={item.status}
                      onClick={() =>
                        onOpen({
                          unitId: unit.id,
                          unitName: unit.name,
                          requirementTitle: title,
                          item,
                        })
                      }
                    >
                      {title}（{periodLabel(item.period)}）
                    </StatusTag>
                  );
                })}
              </Space>
            );
          },
        },
      ]}
    />
  );
}
