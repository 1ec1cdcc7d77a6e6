import { Card, Empty, Skeleton, Timeline, Typography } from 'antd';
import type { Id } from '../../api/types';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDateTime } from '../../lib/format';
import { OPERATION_ACTION_LABELS } from '../../lib/labels';
import { useActivityHistory } from './ledger.api';

const FIELD_LABELS: Record<string, string> = {
  unitId: '所属单位',
  unitName: '所属单位',
  type: '类型',
  subtype: '类别',
  date: '日期',
  title: '标题',
  summary: '内容摘要',
  participants: '参加人数',
  topics: '学习主题',
  attendance: '出席情况',
  speakers: '主讲人',
  outlet: '发布媒体',
  link: '链接',
  audience: '受众人数',
  areas: '工作领域',
  evidence: '证明材料',
};

/** The changed fields in Chinese; storage details of evidence (hash, size, type) are left out. */
function changedFields(changes: { field: string }[]): string {
  const labels = changes.flatMap((c) => (FIELD_LABELS[c.field] ? [FIELD_LABELS[c.field]] : []));
  return [...new Set(labels)].join('、');
}

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'orange',
  import: 'gray',
};

/** 修改历史: every logged operation on the record, oldest first. */
export function HistoryTimeline({ activityId }: { activityId: Id }) {
  const { data, isPending, error, refetch } = useActivityHistory(activityId);
  return (
    <Card title="修改历史" variant="borderless" data-testid="activity-history">
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {data && data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : null}
      {data && data.items.length > 0 ? (
        <Timeline
          items={data.items.map((entry) => ({
            key: entry.id,
            color: ACTION_COLORS[entry.action] ?? 'blue',
            children: (
              <div>
                <Typography.Text strong>
                  {OPERATION_ACTION_LABELS[entry.action] ?? entry.action}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {formatDateTime(entry.createdAt)}
                  {entry.username ? ` · ${entry.username}` : ''}
                </Typography.Text>
                {entry.summary ? <div>{entry.summary}</div> : null}
                {changedFields(entry.changes) ? (
                  <Typography.Text type="secondary">
                    修改了：{changedFields(entry.changes)}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}
