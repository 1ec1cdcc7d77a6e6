import { useEffect } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Empty, Row } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Id } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { PERM } from '../../lib/permissions';
import { useAuth } from '../auth/use-auth';
import { UnitDetailPanel } from './unit-detail-panel';
import { UnitTree } from './unit-tree';
import { findUnit } from './unit-tree-utils';
import { useUnitTree } from './units.api';
import { useUnitActions } from './use-unit-actions';

/** 单位管理: the unit tree on the left, the selected unit on the right. */
export function UnitsPage() {
  const { can } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const { data: tree } = useUnitTree();
  const selectedParam = searchParams.get('selected');
  const selectedId: Id | undefined = selectedParam ? Number(selectedParam) : undefined;

  const select = (id: Id | undefined) =>
    setSearchParams(id === undefined ? {} : { selected: String(id) }, { replace: true });

  const actions = useUnitActions({ onSaved: (unit) => select(unit.id) });

  useEffect(() => {
    // Start on the first visible root; drop a selection that no longer exists.
    if (!tree) return;
    if (selectedId === undefined || !findUnit(tree, selectedId)) {
      const first = tree[0];
      if (first) setSearchParams({ selected: String(first.id) }, { replace: true });
      else if (selectedId !== undefined) setSearchParams({}, { replace: true });
    }
  }, [tree, selectedId, setSearchParams]);

  return (
    <PageContainer
      title="单位管理"
      breadcrumb={[{ title: '组织机构' }, { title: '单位管理' }]}
      description="维护本级及下级党组织，选择左侧单位查看详情。"
      extra={
        can(PERM.unitAdd) ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => actions.openCreate(selectedId ?? null)}
            data-testid="unit-create"
          >
            新增单位
          </Button>
        ) : null
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={9} xl={7}>
          <Card title="组织机构树" variant="borderless" className="tz-fill-card">
            <UnitTree selectedId={selectedId} onSelect={select} />
          </Card>
        </Col>
        <Col xs={24} md={15} xl={17}>
          <Card variant="borderless" className="tz-fill-card">
            {selectedId !== undefined ? (
              <UnitDetailPanel
                key={selectedId}
                unitId={selectedId}
                onCreateChild={actions.openCreate}
                onEdit={actions.openEdit}
                onDelete={(unit) =>
                  actions.confirmDelete(unit, () => select(unit.parentId ?? undefined))
                }
                onSelectUnit={select}
              />
            ) : (
              <Empty description="请在左侧选择单位" style={{ padding: '64px 0' }} />
            )}
          </Card>
        </Col>
      </Row>
      {actions.formModal}
    </PageContainer>
  );
}
