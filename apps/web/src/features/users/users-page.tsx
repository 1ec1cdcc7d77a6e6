import { useState } from 'react';
import { App, Button, Form, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Id, User, UserStatus } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { SearchBar } from '../../components/search-bar';
import { formatDateTime } from '../../lib/format';
import { USER_STATUS_LABELS } from '../../lib/labels';
import { PERM } from '../../lib/permissions';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useListParams } from '../../lib/use-list-params';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';
import type { UserFormTarget } from './user-form-modal';
import { useDeleteUser, useUpdateUser, useUsers } from './users.api';
import { PagedTable } from '../../components/paged-table';

interface UserFilters {
  keyword?: string;
  unitId?: Id;
  status?: UserStatus;
}

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

/** 用户管理: accounts with their unit, roles and status. */
export function UsersPage() {
  const { user: me, can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const list = useListParams<UserFilters>({});
  const { data, isFetching, error, refetch } = useUsers(list.query);
  const updateUser = useUpdateUser();
  const deleteUser = useDeleteUser();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetTarget, setResetTarget] = useState<User | null>(null);

  const toggleStatus = (user: User) => {
    const next: UserStatus = user.status === 'active' ? 'disabled' : 'active';
    modal.confirm({
      title: `确定${next === 'disabled' ? '停用' : '启用'}用户“${user.displayName}”吗？`,
      content: next === 'disabled' ? '停用后该用户将无法登录系统。' : undefined,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        try {
          await updateUser.mutateAsync({
            id: user.id,
            version: user.version,
            input: { status: next },
          });
          message.success(next === 'disabled' ? '用户已停用' : '用户已启用');
        } catch (err) {
          handleError(err);
        }
      },
    });
  };

  const confirmDelete = (user: User) =>
    modal.confirm({
      title: `确定删除用户“${user.displayName}”吗？`,
      content: '删除后该账号无法登录，其操作日志仍予保留。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteUser.mutateAsync(user.id);
          message.success('用户已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });

  const columns: TableColumnsType<User> = [
    {
      title: '用户名',
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: list.sortOrderOf('username'),
      width: 140,
    },
    {
      title: '姓名',
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: true,
      sortOrder: list.sortOrderOf('displayName'),
      width: 120,
    },
    { title: '所属单位', dataIndex: 'unitName', key: 'unitName', ellipsis: true },
    {
      title: '角色',
      dataIndex: 'roleNames',
      key: 'roleNames',
      render: (names: string[]) =>
        names.length === 0 ? (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {names.map((name) => (
              <Tag key={name} bordered={false}>
                {name}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      title: '状态',
      key: 'status',
      width: 150,
      render: (_, user) => (
        <Space size={4} wrap>
          <Tag color={user.status === 'active' ? 'success' : 'default'} bordered={false}>
            {USER_STATUS_LABELS[user.status]}
          </Tag>
          {isLocked(user) ? (
            <Tooltip title={`锁定至 ${formatDateTime(user.lockedUntil)}`}>
              <Tag color="warning" bordered={false}>
                已锁定
              </Tag>
            </Tooltip>
          ) : null}
          {user.mustChangePassword ? (
            <Tag color="processing" bordered={false}>
              待改密
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: list.sortOrderOf('lastLoginAt'),
      width: 170,
      render: (value: string | null) => (value ? formatDateTime(value) : '从未登录'),
    },
  ];
  if (can(PERM.userEdit) || can(PERM.userRemove) || can(PERM.userResetPwd)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 220,
      fixed: 'right',
      render: (_, user) => {
        const self = user.id === me.id;
        return (
          <Space size={0}>
            {can(PERM.userEdit) ? (
              <Button
                type="link"
                size="small"
                onClick={() => setFormTarget({ mode: 'edit', user })}
              >
                编辑
              </Button>
            ) : null}
            {can(PERM.userResetPwd) ? (
              <Button type="link" size="small" onClick={() => setResetTarget(user)}>
                重置密码
              </Button>
            ) : null}
            {can(PERM.userEdit) && !self ? (
              <Button type="link" size="small" onClick={() => toggleStatus(user)}>
                {user.status === 'active' ? '停用' : '启用'}
              </Button>
            ) : null}
            {can(PERM.userRemove) && !self ? (
              <Button type="link" size="small" danger onClick={() => confirmDelete(user)}>
                删除
              </Button>
            ) : null}
          </Space>
        );
      },
    });
  }

  return (
    <PageContainer
      title="用户管理"
      breadcrumb={[{ title: '系统管理' }, { title: '用户管理' }]}
      description="管理登录账号及其所属单位和角色。数据范围由角色决定。"
    >
      <SearchBar<UserFilters> initialValues={{}} onSearch={list.setFilters}>
        <Form.Item name="keyword" label="关键词">
          <Input placeholder="用户名或姓名" allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="unitId" label="所属单位">
          <UnitTreeSelect style={{ width: 220 }} placeholder="全部单位" />
        </Form.Item>
        <Form.Item name="status" label="状态">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            options={(['active', 'disabled'] as const).map((status) => ({
              value: status,
              label: USER_STATUS_LABELS[status],
            }))}
          />
        </Form.Item>
      </SearchBar>
      <div className="tz-table-card">
        <div className="tz-table-toolbar">
          <Typography.Text strong>用户列表</Typography.Text>
          {can(PERM.userAdd) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFormTarget({ mode: 'create' })}
              data-testid="user-create"
            >
              新增用户
            </Button>
          ) : null}
        </div>
        <PagedTable<User>
          list={list}
          query={{ data, error, isFetching, refetch }}
          emptyText="暂无用户"
          rowKey="id"
          columns={columns}
          scroll={{ x: 1100 }}
        />
      </div>
      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetTarget} onClose={() => setResetTarget(null)} />
    </PageContainer>
  );
}
