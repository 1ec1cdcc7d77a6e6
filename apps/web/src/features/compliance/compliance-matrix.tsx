import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { periodLabel } from '../ledger/period';
import type {
  ComplianceItem,
  ComplianceReport,
  ComplianceRequirement,
  ComplianceUnit,
} from './compliance.types';
import type { RecordsTarget } from './records-drawer';
import { STATUS_LABELS, StatusTag } from './status-tag';
import { cadenceText } from '../framework/framework-labels';

/** Short period names inside a cell: Q2 / 上半年 / 全年. */
function shortPeriod(key: string): string {
  const match = /^\d{4}(?:([QH])([1-4]))?$/.exec(key);
  if (!match) return key;
  if (!match[1]) return '全年';
  return match[1] === 'Q' ? `Q${match[2]}` : match[2] === '1' ? '上半年' : '下半年';
}

function Cell({
  unit,
  requirement,
  items,
  onOpen,
}: {
  unit: ComplianceUnit;
  requirement: ComplianceRequirement;
  items: ComplianceItem[];
  onOpen: (target: RecordsTarget) => void;
}) {
  if (items.length === 0) return <span className="tz-muted">—</span>;
  return (
    <div data-testid={`compliance-cell-${unit.id}-${requirement.id}`}>
      {items.map((item) => (
        <Tooltip
          key={item.period}
          title={`${periodLabel(item.period)}：${STATUS_LABELS[item.status]}，已记录 ${item.count} 次 / 要求 ${item.required} 次。点击查看记录`}
        >
          <StatusTag
            status={item.status}
            onClick={() =>
              onOpen({
                unitId: unit.id,
                unitName: unit.name,
                requirementTitle: requirement.title,
                item,
              })
            }
          >
            {items.length > 1 ? `${shortPeriod(item.period)} ` : ''}
            {STATUS_LABELS[item.status]}
            {item.status !== 'not_tracked' ? ` ${item.count}/${item.required}` : ''}
          </StatusTag>
        </Tooltip>
      ))}
    </div>
  );
}

/** Requirements (rows) × units (columns); each cell the status of its periods. */
export function ComplianceMatrix({
  report,
  onOpen,
}: {
  report: ComplianceReport;
  onOpen: (target: RecordsTarget) => void;
}) {
  const itemsOf = new Map<string, ComplianceItem[]>();
  for (const unit of report.units) {
    for (const item of unit.items) {
      const key = `${unit.id}:${item.requirementId}`;
      itemsOf.set(key, [...(itemsOf.get(key) ?? []), item]);
    }
  }
  const columns: TableColumnsType<ComplianceRequirement> = [
    {
      title: '领域',
      dataIndex: 'areaName',
      key: 'areaName',
      width: 90,
      fixed: 'left',
      onCell: (record, index) => {
        const rows = report.requirements;
        const i = index ?? 0;
        if (i > 0 && rows[i - 1]?.areaName === record.areaName) return { rowSpan: 0 };
        let span = 1;
        while (rows[i + span]?.areaName === record.areaName) span += 1;
        return { rowSpan: span };
      },
    },
    {
      title: '要求',
      key: 'title',
      width: 240,
      fixed: 'left',
      render: (_, requirement) => (
        <div>
          <div>{requirement.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {cadenceText(requirement)}
          </Typography.Text>
        </div>
      ),
    },
    ...report.units.map((unit) => ({
      title: (
        <Tooltip title={unit.name}>
          <span>{unit.name}</span>
        </Tooltip>
      ),
      key: `u${unit.id}`,
      width: report.units.length === 1 ? undefined : 150,
      render: (_: unknown, requirement: ComplianceRequirement) => (
        <Cell
          unit={unit}
          requirement={requirement}
          items={itemsOf.get(`${unit.id}:${requirement.id}`) ?? []}
          onOpen={onOpen}
        />
      ),
    })),
  ];
  return (
    <Table<ComplianceRequirement>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={report.requirements}
      pagination={false}
      scroll={{ x: 330 + report.units.length * 150 }}
      locale={{ emptyText: '该年度框架没有要求' }}
      data-testid="compliance-matrix"
    />
  );
}
