import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  BankOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { logout, ME_QUERY_KEY } from '../auth/auth.api';
import { useAuth } from '../auth/use-auth';
import { MENU } from './menu-config';
import { findActiveTrail, visibleMenu } from './menu-tree';
import type { MenuEntry } from './menu-tree';

type MenuItem = NonNullable<MenuProps['items']>[number];

function toMenuItems(entries: MenuEntry[]): MenuItem[] {
  return entries.map((entry) =>
    entry.children
      ? {
          key: entry.key,
          icon: entry.icon,
          label: entry.label,
          children: toMenuItems(entry.children),
        }
      : {
          key: entry.key,
          icon: entry.icon,
          label: (
            <Link to={entry.path ?? '/'} data-testid={entry.testId}>
              {entry.label}
            </Link>
          ),
        },
  );
}

export function AppLayout() {
  const { user, can } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);

  const menu = useMemo(() => visibleMenu(MENU, can), [can]);
  const items = useMemo(() => toMenuItems(menu), [menu]);
  const trail = findActiveTrail(menu, location.pathname);
  const selectedKey = trail.at(-1)?.key;
  const [openKeys, setOpenKeys] = useState<string[]>(() => menu.map((entry) => entry.key));

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The session is dropped locally either way.
    }
    queryClient.clear();
    queryClient.setQueryData(ME_QUERY_KEY, null);
    navigate('/login', { replace: true });
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'password') navigate('/change-password');
      if (key === 'logout') void signOut();
    },
  };

  return (
    <Layout className="tz-layout">
      <Layout.Sider
        width={220}
        collapsible
        collapsed={collapsed}
        trigger={null}
        theme="light"
        className="tz-sider"
      >
        <Link to="/dashboard" className="tz-brand">
          <span className="tz-logo">账</span>
          {collapsed ? null : <span className="tz-brand-name">台账</span>}
        </Link>
        <Menu
          mode="inline"
          items={items}
          selectedKeys={selectedKey ? [selectedKey] : []}
          openKeys={collapsed ? undefined : openKeys}
          onOpenChange={setOpenKeys}
          className="tz-menu"
          data-testid="side-menu"
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="tz-header">
          <Space size={16}>
            <span
              className="tz-header-trigger"
              role="button"
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
              onClick={() => setCollapsed((value) => !value)}
            >
              {collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            </span>
            <Typography.Text className="tz-header-title">
              意识形态工作责任制管理平台
            </Typography.Text>
          </Space>
          <Space size={20}>
            {user.unitName ? (
              <Space size={6} className="tz-header-unit" data-testid="header-unit">
                <BankOutlined />
                {user.unitName}
              </Space>
            ) : null}
            <Dropdown menu={userMenu} placement="bottomRight" trigger={['click']}>
              <Space className="tz-header-user" data-testid="header-user">
                <Avatar size="small" className="tz-avatar">
                  {user.displayName.slice(0, 1)}
                </Avatar>
                <span>{user.displayName}</span>
              </Space>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="tz-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
