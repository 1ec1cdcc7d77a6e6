import { useState } from 'react';
import {
  Alert,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Tabs,
  Typography,
} from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { Id } from '../../api/types';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { SearchBar } from '../../components/search-bar';
import { formatDate } from '../../lib/format';
import { UnitTreeSelect } from '../units/unit-tree-select';
import { PeriodPicker } from '../ledger/period-picker';
import { parsePeriodKey, periodKey, periodLabel, periodOf } from '../ledger/period';
import type { PeriodValue } from '../ledger/period';
import { useCompliance } from './compliance.api';
import { COMPLIANCE_STATUSES } from './compliance.types';
import type { ComplianceReport } from './compliance.types';
import { ComplianceMatrix } from './compliance-matrix';
import { ComplianceRollup } from './compliance-rollup';
import { RecordsDrawer } from './records-drawer';
import type { RecordsTarget } from './records-drawer';
import { STATUS_HEX, STATUS_LABELS } from './status-tag';
import { TodoTable } from './todo-table';

interface ComplianceFilters {
  unitId?: Id;
  includeSubunits?: boolean;
  period?: PeriodValue;
}

type View = 'matrix' | 'rollup';
/** Beyond this many units the matrix is unreadable; the roll-up table is shown instead. */
const MATRIX_MAX_UNITS = 30;

function Counts({ report }: { report: ComplianceReport }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="compliance-counts">
      {COMPLIANCE_STATUSES.map((status) => (
        <Col xs={12} sm={8} md={4} key={status} flex="1">
          <Card variant="borderless" size="small">
            <Statistic
              title={STATUS_LABELS[status]}
              value={report.summary.counts[status]}
              suffix="项"
              valueStyle={{ color: STATUS_HEX[status], fontWeight: 600 }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function StatusView() {
  const [searchParams, setSearchParams] = useSearchParams();
  const unitParam = Number(searchParams.get('unitId'));
  const filters: ComplianceFilters = {
    unitId: unitParam > 0 ? unitParam : undefined,
    includeSubunits: searchParams.get('includeSubunits') !== 'false',
    period: parsePeriodKey(searchParams.get('period')) ?? periodOf('quarter'),
  };
  const query = {
    unitId: filters.unitId,
    includeSubunits: filters.includeSubunits,
    period: periodKey(filters.period),
  };
  const { data: report, isPending, isFetching, error, refetch } = useCompliance(query);
  const [chosenView, setChosenView] = useState<View | null>(null);
  const [target, setTarget] = useState<RecordsTarget | null>(null);
  const tooMany = (report?.units.length ?? 0) > MATRIX_MAX_UNITS;
  const view: View = chosenView ?? (tooMany ? 'rollup' : 'matrix');

  const search = (values: ComplianceFilters) => {
    const next = new URLSearchParams(searchParams);
    if (values.unitId) next.set('unitId', String(values.unitId));
    else next.delete('unitId');
    next.set('includeSubunits', values.includeSubunits ? 'true' : 'false');
    next.set('period', periodKey(values.period) ?? periodKey(periodOf('quarter')) ?? '');
    setSearchParams(next, { replace: true });
  };

  return (
    <>
      <SearchBar<ComplianceFilters>
        key={searchParams.toString()}
        initialValues={filters}
        onSearch={search}
      >
        <Form.Item name="unitId" label="单位">
          <UnitTreeSelect
            style={{ width: 240 }}
            placeholder="本单位"
            data-testid="compliance-unit"
          />
        </Form.Item>
        <Form.Item name="includeSubunits" valuePropName="checked">
          <Checkbox>含下级</Checkbox>
        </Form.Item>
        <Form.Item name="period" label="期间">
          <PeriodPicker modes={['quarter', 'half', 'year']} testId="compliance-period" />
        </Form.Item>
      </SearchBar>
      {error ? <QueryErrorAlert error={error} onRetry={() => void refetch()} /> : null}
      {isPending ? (
        <Card variant="borderless">
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : null}
      {report ? (
        <div data-testid="compliance-report" aria-busy={isFetching}>
          <Typography.Paragraph type="secondary">
            {report.framework.name} · {periodLabel(report.period.key)}（
            {formatDate(report.period.start)}至{formatDate(report.period.end)}）· 统计截至{' '}
            {formatDate(report.asOf)} · {report.summary.unitCount} 个单位 · 截止前{' '}
            {report.dueSoonDays} 天内未完成的标为“临期”
          </Typography.Paragraph>
          <Counts report={report} />
          <Card
            variant="borderless"
            title="落实情况"
            extra={
              <Segmented<View>
                value={view}
                onChange={setChosenView}
                options={[
                  { value: 'matrix', label: '要求 × 单位' },
                  { value: 'rollup', label: '按单位汇总' },
                ]}
                data-testid="compliance-view"
              />
            }
          >
            {report.units.length === 0 ? (
              <Empty description="所选范围内没有单位" />
            ) : view === 'matrix' ? (
              <>
                {tooMany ? (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    message={`共 ${report.units.length} 个单位，矩阵较宽；可选择下级单位或切换到“按单位汇总”。`}
                  />
                ) : null}
                <ComplianceMatrix report={report} onOpen={setTarget} />
              </>
            ) : (
              <ComplianceRollup report={report} onOpen={setTarget} />
            )}
          </Card>
        </div>
      ) : null}
      <RecordsDrawer target={target} onClose={() => setTarget(null)} />
    </>
  );
}

/** 落实情况: requirement status per unit and period, the roll-up, and the user's to-do list. */
export function CompliancePage() {
  return (
    <PageContainer
      title="落实情况"
      breadcrumb={[{ title: '责任落实' }, { title: '落实情况' }]}
      description="按责任清单自动判定：已完成、临期、未完成一目了然，点击状态查看计入的台账记录。"
    >
      <Tabs
        destroyOnHidden
        items={[
          { key: 'status', label: '落实情况', children: <StatusView /> },
          { key: 'todo', label: '待办', children: <TodoTable /> },
        ]}
      />
    </PageContainer>
  );
}
