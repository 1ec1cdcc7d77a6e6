import { useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageContainer } from '../../components/page-container';
import { QueryErrorResult } from '../../components/query-error';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { ActivityFormModal } from './activity-form-modal';
import type { ActivityFormTarget } from './activity-form-modal';
import { EvidencePanel } from './evidence-panel';
import { HistoryTimeline } from './history-timeline';
import { ActivityTypeTag } from './ledger-labels';
import { LEDGER_PERM } from './ledger-permissions';
import { useActivity, useDeleteActivity, useRestoreActivity } from './ledger.api';
import type { Activity, AttendanceEntry } from './ledger.types';

function AttendanceTable({ rows }: { rows: AttendanceEntry[] }) {
  const present = rows.filter((r) => r.present).length;
  return (
    <Card
      title="出席情况"
      variant="borderless"
      extra={
        <span className="tz-muted">
          应到 {rows.length} 人，实到 {present} 人，缺席 {rows.length - present} 人
        </span>
      }
      data-testid="activity-attendance"
    >
      <Table<AttendanceEntry>
        rowKey={(row) => `${row.personId ?? ''}-${row.name}`}
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name', width: 140 },
          {
            title: '出席',
            dataIndex: 'present',
            key: 'present',
            width: 100,
            render: (value: boolean) =>
              value ? <Tag color="green">出席</Tag> : <Tag color="orange">缺席</Tag>,
          },
          {
            title: '缺席原因',
            dataIndex: 'reason',
            key: 'reason',
            render: (value: string | null) => value ?? '—',
          },
        ]}
      />
    </Card>
  );
}

function details(activity: Activity) {
  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'unit', label: '所属单位', children: activity.unitName },
    { key: 'type', label: '类型', children: <ActivityTypeTag type={activity.type} /> },
    { key: 'subtype', label: '类别', children: activity.subtype },
    { key: 'date', label: '日期', children: formatDate(activity.date) },
  ];
  if (activity.topics.length)
    items.push({ key: 'topics', label: '学习主题', children: activity.topics.join('；') });
  if (activity.speakers.length)
    items.push({ key: 'speakers', label: '主讲人', children: activity.speakers.join('、') });
  if (activity.outlet) items.push({ key: 'outlet', label: '发布媒体', children: activity.outlet });
  if (activity.link)
    items.push({
      key: 'link',
      label: '链接',
      children: (
        <a href={activity.link} target="_blank" rel="noopener noreferrer nofollow">
          {activity.link}
        </a>
      ),
    });
  if (activity.audience !== null)
    items.push({
      key: 'audience',
      label: '受众人数',
      children: `${formatNumber(activity.audience)} 人`,
    });
  if (activity.participants !== null)
    items.push({
      key: 'participants',
      label: '参加人数',
      children: `${formatNumber(activity.participants)} 人`,
    });
  items.push({
    key: 'areas',
    label: '工作领域',
    children: activity.areas.length ? activity.areas.map((a) => <Tag key={a}>{a}</Tag>) : '—',
  });
  items.push({ key: 'updatedAt', label: '最后修改', children: formatDateTime(activity.updatedAt) });
  return items;
}

/** One record: its fields, attendance, evidence and history; edit, delete, restore. */
export function ActivityDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const {
    data: activity,
    isPending,
    error,
    refetch,
  } = useActivity(Number.isInteger(id) && id > 0 ? id : undefined);
  const remove = useDeleteActivity();
  const restore = useRestoreActivity();
  const [formTarget, setFormTarget] = useState<ActivityFormTarget | null>(null);

  const breadcrumb = [{ title: '工作台账' }, { title: '台账记录', path: '/ledger' }];
  if (error || !(id > 0)) {
    return (
      <PageContainer title="记录详情" breadcrumb={breadcrumb}>
        <QueryErrorResult error={error} onRetry={() => void refetch()} />
      </PageContainer>
    );
  }
  if (isPending || !activity) {
    return (
      <PageContainer title="记录详情" breadcrumb={breadcrumb}>
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </PageContainer>
    );
  }

  const deleted = activity.deletedAt !== null;
  const confirmDelete = () => {
    modal.confirm({
      title: `确定删除记录“${activity.title}”吗？`,
      content: '删除后记录移入回收站，不再计入落实情况和报告，可在回收站中恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await remove.mutateAsync({ id: activity.id, version: activity.version });
          message.success('记录已移入回收站');
          navigate('/ledger');
        } catch (err) {
          handleError(err, undefined, () => void refetch());
        }
      },
    });
  };

  return (
    <PageContainer
      title={<span data-testid="activity-title">{activity.title}</span>}
      breadcrumb={[...breadcrumb, { title: '记录详情' }]}
      extra={
        deleted ? (
          can(LEDGER_PERM.remove) ? (
            <Button
              icon={<RollbackOutlined />}
              onClick={async () => {
                try {
                  await restore.mutateAsync(activity.id);
                  message.success('记录已恢复');
                } catch (err) {
                  handleError(err);
                }
              }}
            >
              恢复
            </Button>
          ) : null
        ) : (
          <Space>
            {can(LEDGER_PERM.edit) ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => setFormTarget({ mode: 'edit', activity })}
                data-testid="activity-edit"
              >
                编辑
              </Button>
            ) : null}
            {can(LEDGER_PERM.remove) ? (
              <Button
                danger
                icon={<DeleteOutlined />}
                onClick={confirmDelete}
                data-testid="activity-delete"
              >
                删除
              </Button>
            ) : null}
          </Space>
        )
      }
    >
      <div data-testid="activity-detail">
        {deleted ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            message={`此记录已于 ${formatDateTime(activity.deletedAt)} 删除，不计入落实情况和报告。`}
          />
        ) : null}
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={16}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Card variant="borderless">
                <Descriptions column={{ xs: 1, md: 2 }} items={details(activity)} />
                {activity.summary ? (
                  <>
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {activity.type === 'meeting' ? '会议纪要' : '内容摘要'}
                    </Typography.Title>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {activity.summary}
                    </Typography.Paragraph>
                  </>
                ) : null}
              </Card>
              {activity.attendance.length > 0 ? (
                <AttendanceTable rows={activity.attendance} />
              ) : null}
              <EvidencePanel activity={activity} />
            </Space>
          </Col>
          <Col xs={24} xl={8}>
            <HistoryTimeline activityId={activity.id} />
            <div style={{ marginTop: 16 }}>
              <Link to="/ledger">返回台账记录</Link>
            </div>
          </Col>
        </Row>
      </div>
      <ActivityFormModal target={formTarget} onClose={() => setFormTarget(null)} />
    </PageContainer>
  );
}
