import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { ApartmentOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { QueryErrorAlert } from '../../components/query-error';
import { formatNumber } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { useDashboardSummary } from './dashboard.api';
import type { DashboardSummary } from '../../api/types';

interface StatCard {
  key: keyof DashboardSummary;
  title: string;
  suffix: string;
  icon: ReactNode;
  color: string;
  link: string;
  permission: string;
}

const CARDS: StatCard[] = [
  {
    key: 'units',
    title: '党组织',
    suffix: '个',
    icon: <ApartmentOutlined />,
    color: '#b8202a',
    link: '/org/units',
    permission: PERM.unitList,
  },
  {
    key: 'people',
    title: '在册人员',
    suffix: '人',
    icon: <TeamOutlined />,
    color: '#d46b08',
    link: '/org/people',
    permission: PERM.personList,
  },
  {
    key: 'users',
    title: '系统用户',
    suffix: '个',
    icon: <UserOutlined />,
    color: '#1677ff',
    link: '/system/users',
    permission: PERM.userList,
  },
];

/** The headline counts of the user's data scope. */
export function SummaryCards() {
  const { can } = useAuth();
  const { data, isPending, error, refetch } = useDashboardSummary();
  if (error) return <QueryErrorAlert error={error} onRetry={() => void refetch()} />;
  return (
    <Row gutter={[16, 16]}>
      {CARDS.map((card) => {
        const statistic = (
          <Statistic
            title={card.title}
            value={data ? formatNumber(data[card.key]) : '—'}
            suffix={data ? card.suffix : undefined}
            loading={isPending}
            valueStyle={{ fontWeight: 600 }}
          />
        );
        return (
          <Col xs={24} sm={8} key={card.key}>
            <Card variant="borderless" className="tz-stat-card" data-testid={`stat-${card.key}`}>
              <div
                className="tz-stat-icon"
                style={{ color: card.color, background: `${card.color}14` }}
              >
                {card.icon}
              </div>
              {can(card.permission) ? (
                <Link to={card.link} className="tz-stat-link">
                  {statistic}
                </Link>
              ) : (
                statistic
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
