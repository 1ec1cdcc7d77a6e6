import { useEffect, useState } from 'react';
import { Card, Empty, Form, Select } from 'antd';
import type { Id } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { yearOptions } from '../../lib/years';
import { useAuth } from '../auth/use-auth';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { useUnitTree } from '../units/units.api';
import { ResponsibilityPanel } from './responsibility-panel';

/** 责任分工: pick a unit and a year, then maintain its assignments. */
export function ResponsibilitiesPage() {
  const { user } = useAuth();
  const { data: tree } = useUnitTree();
  const [unitId, setUnitId] = useState<Id | undefined>(user.unitId ?? undefined);
  const [year, setYear] = useState(new Date().getFullYear());

  useEffect(() => {
    if (unitId === undefined && tree?.[0]) setUnitId(tree[0].id);
  }, [tree, unitId]);

  return (
    <PageContainer
      title="责任分工"
      breadcrumb={[{ title: '组织机构' }, { title: '责任分工' }]}
      description="按年度明确第一责任人、直接责任人（含分管领域）和一岗双责。"
    >
      <Card variant="borderless" className="tz-search-card">
        <Form layout="inline">
          <Form.Item label="单位">
            <UnitTreeSelect
              value={unitId}
              onChange={(value) => setUnitId(value ?? undefined)}
              allowClear={false}
              style={{ width: 280 }}
              data-testid="responsibility-unit"
            />
          </Form.Item>
          <Form.Item label="年度">
            <Select
              value={year}
              onChange={setYear}
              options={yearOptions()}
              style={{ width: 120 }}
            />
          </Form.Item>
        </Form>
      </Card>
      <Card variant="borderless">
        {unitId !== undefined ? (
          <ResponsibilityPanel unitId={unitId} year={year} />
        ) : (
          <Empty description="请选择单位" />
        )}
      </Card>
    </PageContainer>
  );
}
