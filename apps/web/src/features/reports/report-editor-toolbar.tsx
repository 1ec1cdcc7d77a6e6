import { Button, Dropdown } from 'antd';
import { DownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { exportUrl } from './reports.api';
import type { Report } from './reports.types';

export type ReportTransition = 'review' | 'reopen' | 'submit' | 'return';

interface ReportEditorToolbarProps {
  report: Report;
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  /** 提交审核 / 撤回 at once; 报送 and 退回 ask first (the page decides how). */
  onTransition: (action: ReportTransition) => void;
  onVersions: () => void;
}

const EXPORTS = [
  { format: 'docx', label: 'Word（.docx，公文格式）', testId: 'export-docx' },
  { format: 'html', label: 'HTML' },
  { format: 'md', label: 'Markdown' },
  { format: 'json', label: 'JSON（结构化）' },
] as const;

/** The editor's buttons: save, the status actions the user may take, export and versions. */
export function ReportEditorToolbar({
  report,
  dirty,
  saving,
  onSave,
  onTransition,
  onVersions,
}: ReportEditorToolbarProps) {
  const { actions } = report;
  return (
    <>
      {actions.edit ? (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={onSave}
          loading={saving}
          disabled={!dirty}
          data-testid="save-report"
        >
          保存
        </Button>
      ) : null}
      {actions.review ? (
        <Button onClick={() => onTransition('review')} data-testid="action-review">
          提交审核
        </Button>
      ) : null}
      {actions.reopen ? <Button onClick={() => onTransition('reopen')}>撤回</Button> : null}
      {actions.submit ? (
        <Button
          type="primary"
          ghost
          onClick={() => onTransition('submit')}
          data-testid="action-submit"
        >
          报送上级
        </Button>
      ) : null}
      {actions.return ? (
        <Button danger onClick={() => onTransition('return')} data-testid="action-return">
          退回
        </Button>
      ) : null}
      <Dropdown
        menu={{
          items: EXPORTS.map((e) => ({
            key: e.format,
            label: (
              <a
                href={exportUrl(report.id, e.format)}
                download
                data-testid={'testId' in e ? e.testId : undefined}
              >
                {e.label}
              </a>
            ),
          })),
        }}
      >
        <Button icon={<DownloadOutlined />} data-testid="export-menu">
          导出
        </Button>
      </Dropdown>
      <Button icon={<HistoryOutlined />} onClick={onVersions}>
        版本
      </Button>
    </>
  );
}
