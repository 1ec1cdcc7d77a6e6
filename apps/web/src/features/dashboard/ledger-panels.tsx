import { Card, Empty, List, Progress, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { ActivityTypeTag } from '../ledger/ledger-labels';
import { useDashboardOverview } from './dashboard-overview.api';

/** 未完成较多的单位: the units with the most missed duties this year. */
export function MissedUnitsPanel() {
  const { data, isPending, error, refetch } = useDashboardOverview();
  const units = data?.compliance.topMissedUnits ?? [];
  const max = Math.max(1, ...units.map((u) => u.missed));
  return (
    <Card
      title="未完成较多的单位"
      variant="borderless"
      className="tz-fill-card"
      data-testid="dashboard-missed-units"
    >
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
      {data && units.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="本年度各单位均无逾期未完成的要求"
        />
      ) : null}
      {units.length > 0 ? (
        <List
          size="small"
          dataSource={units}
          renderItem={(unit) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Link
                  to={`/compliance?unitId=${unit.unitId}&period=${data?.year ?? ''}&includeSubunits=false`}
                >
                  {unit.unitName}
                </Link>
                <Progress
                  percent={(unit.missed / max) * 100}
                  format={() => `${unit.missed} 项`}
                  strokeColor="#cf1322"
                  size="small"
                />
              </div>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/** 最近记录: the latest records by date of the work. */
export function RecentRecordsPanel() {
  const { data, isPending, error, refetch } = useDashboardOverview();
  const recent = data?.records.recent ?? [];
  return (
    <Card
      title="最近记录"
      variant="borderless"
      className="tz-fill-card"
      extra={<Link to="/ledger">全部记录</Link>}
      data-testid="dashboard-recent"
    >
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 5 }} /> : null}
      {data && recent.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有台账记录" />
      ) : null}
      {recent.length > 0 ? (
        <List
          size="small"
          dataSource={recent}
          renderItem={(record) => (
            <List.Item
              extra={<Typography.Text type="secondary">{formatDate(record.date)}</Typography.Text>}
            >
              <List.Item.Meta
                title={
                  <>
                    <ActivityTypeTag type={record.type} />
                    <Link to={`/ledger/${record.id}`}>{record.title}</Link>
                  </>
                }
                description={`${record.unitName} · ${record.subtype}`}
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
