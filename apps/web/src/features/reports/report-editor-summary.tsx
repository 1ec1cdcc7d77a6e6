import { Alert, Badge, Card, Descriptions, Space, Spin, Tag, Typography } from 'antd';
import { formatDate } from '../../lib/format';
import type { ProofreadResult, Report } from './reports.types';
import { STATUS_COLORS, periodLabel } from './report-text';

interface ReportEditorSummaryProps {
  report: Report;
  result: ProofreadResult | undefined;
  checking: boolean;
  dirty: boolean;
}

/** The report's particulars, its return reason, and the live proofreading counts. */
export function ReportEditorSummary({ report, result, checking, dirty }: ReportEditorSummaryProps) {
  const counts = result?.counts ?? { error: 0, warning: 0, info: 0 };
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="单位">{report.unitName}</Descriptions.Item>
        <Descriptions.Item label="类型">{report.kindLabel}</Descriptions.Item>
        <Descriptions.Item label="期间">{periodLabel(report.periodKey)}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={STATUS_COLORS[report.status]} data-testid="report-status">
            {report.statusLabel}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="成文日期">{formatDate(report.documentDate)}</Descriptions.Item>
        <Descriptions.Item label="报送期限">
          {report.deadline ? formatDate(report.deadline) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {report.status === 'returned' && report.returnReason ? (
        <Alert
          type="warning"
          showIcon
          message={`退回原因：${report.returnReason}`}
          style={{ marginTop: 8 }}
        />
      ) : null}
      <Space
        style={{ marginTop: 8 }}
        data-testid="proofread-summary"
        data-errors={counts.error}
        data-warnings={counts.warning}
      >
        <Typography.Text type="secondary">校对：</Typography.Text>
        {checking ? <Spin size="small" /> : null}
        <Badge color="red" text={`错误 ${counts.error}`} />
        <Badge color="gold" text={`警告 ${counts.warning}`} />
        <Badge color="blue" text={`提示 ${counts.info}`} />
        {dirty ? (
          <Tag color="orange" data-testid="unsaved-changes">
            有未保存的修改
          </Tag>
        ) : null}
      </Space>
    </Card>
  );
}
