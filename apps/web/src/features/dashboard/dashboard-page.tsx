import { Col, Empty, Row, Typography } from 'antd';
import { PageContainer } from '../../components/page-container';
import { formatDate } from '../../lib/format';
import { DATA_SCOPE_LABELS } from '../../lib/labels';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { DASHBOARD_WIDGETS } from './dashboard-widgets';
import { SummaryCards } from './summary-cards';

function greeting(hour: number): string {
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

/** 工作台: counts of the user's scope and the registered dashboard widgets. */
export function DashboardPage() {
  const { user, can } = useAuth();
  const now = new Date();
  const widgets = DASHBOARD_WIDGETS.filter(
    (widget) => !widget.permission || can(widget.permission),
  );

  return (
    <PageContainer
      title="工作台"
      description={
        <>
          {greeting(now.getHours())}，{user.displayName}。今天是 {formatDate(now)}，当前数据范围：
          <Typography.Text strong>
            {user.unitName ?? '全部单位'} · {DATA_SCOPE_LABELS[user.dataScope]}
          </Typography.Text>
        </>
      }
    >
      <div data-testid="dashboard">
        {can(PERM.dashboardView) ? (
          <SummaryCards />
        ) : (
          <Empty
            description="您的账号暂未开通工作台统计，请通过左侧菜单开始工作。"
            style={{ padding: '64px 0', background: '#fff', borderRadius: 8 }}
          />
        )}
        {widgets.length > 0 ? (
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {widgets.map((widget) => (
              <Col xs={24} xl={widget.span} key={widget.key}>
                {widget.render()}
              </Col>
            ))}
          </Row>
        ) : null}
      </div>
    </PageContainer>
  );
}
