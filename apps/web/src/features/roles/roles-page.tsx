import { useMemo, useState } from 'react';
import { App, Button, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Role } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { DATA_SCOPE_LABELS } from '../../lib/labels';
import { ALL_PERMISSIONS, PERM } from '../../lib/permissions';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { RoleFormModal } from './role-form-modal';
import type { RoleFormTarget } from './role-form-modal';
import { useDeleteRole, useRoles } from './roles.api';

/** 角色管理: roles with their permission codes and data scope. */
export function RolesPage() {
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const { data, isFetching, error, refetch } = useRoles();
  const deleteRole = useDeleteRole();
  const [keyword, setKeyword] = useState('');
  const [target, setTarget] = useState<RoleFormTarget | null>(null);

  const roles = useMemo(() => {
    const needle = keyword.trim().toLowerCase();
    const all = data ?? [];
    return needle
      ? all.filter(
          (role) =>
            role.name.toLowerCase().includes(needle) || role.code.toLowerCase().includes(needle),
        )
      : all;
  }, [data, keyword]);

  const confirmDelete = (role: Role) =>
    modal.confirm({
      title: `确定删除角色“${role.name}”吗？`,
      content: '已分配该角色的用户将失去其对应权限。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await deleteRole.mutateAsync(role.id);
          message.success('角色已删除');
        } catch (err) {
          handleError(err);
        }
      },
    });

  const columns: TableColumnsType<Role> = [
    {
      title: '角色名称',
      dataIndex: 'name',
      key: 'name',
      width: 180,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh'),
      render: (name: string, role) => (
        <Space size={6}>
          {name}
          {role.builtin ? (
            <Tag bordered={false} color="gold">
              内置
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: '角色编码',
      dataIndex: 'code',
      key: 'code',
      width: 180,
      sorter: (a, b) => a.code.localeCompare(b.code),
    },
    {
      title: '数据范围',
      dataIndex: 'dataScope',
      key: 'dataScope',
      width: 140,
      render: (scope: Role['dataScope']) => DATA_SCOPE_LABELS[scope],
    },
    {
      title: '功能权限',
      dataIndex: 'permissions',
      key: 'permissions',
      width: 140,
      render: (permissions: string[]) =>
        permissions.includes(ALL_PERMISSIONS) ? '全部权限' : `${permissions.length} 项`,
    },
    {
      title: '用户数',
      dataIndex: 'userCount',
      key: 'userCount',
      width: 90,
      render: (count: number | undefined) => (count === undefined ? '—' : `${count} 人`),
    },
    {
      title: '备注',
      dataIndex: 'remark',
      key: 'remark',
      ellipsis: true,
      render: (remark: string | null) => remark || '—',
    },
  ];
  if (can(PERM.roleEdit) || can(PERM.roleRemove)) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, role) => (
        <Space size={0}>
          {can(PERM.roleEdit) ? (
            <Button type="link" size="small" onClick={() => setTarget({ mode: 'edit', role })}>
              编辑
            </Button>
          ) : null}
          {can(PERM.roleRemove) ? (
            role.builtin ? (
              <Tooltip title="内置角色不可删除">
                <Button type="link" size="small" danger disabled>
                  删除
                </Button>
              </Tooltip>
            ) : (
              <Button type="link" size="small" danger onClick={() => confirmDelete(role)}>
                删除
              </Button>
            )
          ) : null}
        </Space>
      ),
    });
  }

  return (
    <PageContainer
      title="角色管理"
      breadcrumb={[{ title: '系统管理' }, { title: '角色管理' }]}
      description="角色决定用户可使用的功能（菜单和按钮）以及可访问的数据范围。"
    >
      <div className="tz-table-card">
        <div className="tz-table-toolbar">
          <Space>
            <Typography.Text strong>角色列表</Typography.Text>
            <Input.Search
              allowClear
              placeholder="搜索角色名称或编码"
              onSearch={setKeyword}
              onChange={(event) => setKeyword(event.target.value)}
              style={{ width: 240 }}
            />
          </Space>
          {can(PERM.roleAdd) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setTarget({ mode: 'create' })}
              data-testid="role-create"
            >
              新增角色
            </Button>
          ) : null}
        </div>
        {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
        <Table<Role>
          rowKey="id"
          columns={columns}
          dataSource={roles}
          loading={isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条` }}
          scroll={{ x: 900 }}
          locale={{ emptyText: error ? '数据加载失败' : keyword ? '没有匹配的角色' : '暂无角色' }}
        />
      </div>
      <RoleFormModal target={target} onClose={() => setTarget(null)} />
    </PageContainer>
  );
}
