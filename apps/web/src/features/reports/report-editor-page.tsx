import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Input, Modal, Spin, Tabs } from 'antd';
import { useParams } from 'react-router-dom';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { useApiErrorHandler } from '../../lib/use-api-error';
import type { EditorDraft } from './editor-draft';
import { editorDraftOf, toReportDraft } from './editor-draft';
import { FigureRecordsDrawer } from './figure-records-drawer';
import type { DraftEditing } from './paragraph-list';
import { ReportDraftEditor } from './report-draft-editor';
import type { ReportTransition } from './report-editor-toolbar';
import { ReportEditorToolbar } from './report-editor-toolbar';
import { ReportEditorSummary } from './report-editor-summary';
import { ReportPreview } from './report-preview';
import { ReportVersionsDrawer } from './report-versions-drawer';
import { useReport, useReportTransition, useSaveReport } from './reports.api';
import { useLiveProofread } from './use-live-proofread';

const DONE: Record<ReportTransition, string> = {
  review: '已提交审核',
  reopen: '已撤回审核',
  submit: '已报送上级单位',
  return: '已退回',
};

/** The report editor: section by section, proofread as you type, figures linked to records. */
export function ReportEditorPage() {
  const id = Number(useParams().id);
  const { data: report, error, refetch, isPending } = useReport(id);
  const [draft, setDraft] = useState<EditorDraft>();
  const [dirty, setDirty] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [figureKey, setFigureKey] = useState<string | null>(null);
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [returnOpen, setReturnOpen] = useState(false);
  const [returnReason, setReturnReason] = useState('');
  const save = useSaveReport(id);
  const transition = useReportTransition(id);
  const onError = useApiErrorHandler();
  const { message, modal } = App.useApp();

  useEffect(() => {
    if (report) {
      setDraft(editorDraftOf(report.content));
      setDirty(false);
      setFocusKey(null);
    }
  }, [report]);

  const { result, checking, placed } = useLiveProofread(report, draft);
  const update = useCallback<DraftEditing['update']>((change, focus) => {
    setDraft((d) => (d ? change(d) : d));
    setDirty(true);
    if (focus !== undefined) setFocusKey(focus);
  }, []);
  const editing = useMemo<DraftEditing>(
    () => ({
      editable: report?.actions.edit ?? false,
      findings: placed,
      focusKey,
      onFigure: setFigureKey,
      update,
    }),
    [report, placed, focusKey, update],
  );

  if (isPending) return <Spin style={{ margin: 48 }} />;
  if (error || !report || !draft)
    return <QueryErrorAlert error={error} onRetry={() => void refetch()} />;

  const doSave = async () => {
    try {
      await save.mutateAsync({ version: report.version, draft: toReportDraft(draft) });
      message.success('已保存为新版本');
    } catch (e) {
      onError(e, undefined, () => void refetch());
    }
  };
  const doTransition = async (action: ReportTransition, reason?: string) => {
    try {
      if (dirty && report.actions.edit)
        await save.mutateAsync({ version: report.version, draft: toReportDraft(draft) });
      const latest = (await refetch()).data ?? report;
      await transition.mutateAsync({
        version: latest.version,
        action,
        ...(reason ? { reason } : {}),
      });
      message.success(DONE[action]);
    } catch (e) {
      onError(e);
    }
  };
  const onTransition = (action: ReportTransition) => {
    if (action === 'return') {
      setReturnOpen(true);
      return;
    }
    if (action !== 'submit') {
      void doTransition(action);
      return;
    }
    const errors = result?.counts.error ?? 0;
    modal.confirm({
      title: '报送上级单位',
      content:
        errors > 0
          ? `校对发现 ${errors} 处错误，仍要报送吗？`
          : '报送后本单位不能再修改，确定报送吗？',
      okText: '报送',
      onOk: () => doTransition('submit'),
    });
  };

  return (
    <PageContainer
      title={report.title}
      breadcrumb={[
        { title: '工作报告' },
        { title: '报告管理', path: '/reports' },
        { title: '编辑报告' },
      ]}
      extra={
        <ReportEditorToolbar
          report={report}
          dirty={dirty}
          saving={save.isPending}
          onSave={() => void doSave()}
          onTransition={onTransition}
          onVersions={() => setVersionsOpen(true)}
        />
      }
    >
      <ReportEditorSummary report={report} result={result} checking={checking} dirty={dirty} />
      <Tabs
        items={[
          {
            key: 'edit',
            label: '逐节编辑',
            children: <ReportDraftEditor draft={draft} saved={report.content} editing={editing} />,
          },
          {
            key: 'preview',
            label: '公文预览',
            children: <ReportPreview report={report} onFigure={setFigureKey} />,
          },
        ]}
      />
      <FigureRecordsDrawer reportId={id} figureKey={figureKey} onClose={() => setFigureKey(null)} />
      <ReportVersionsDrawer
        reportId={id}
        open={versionsOpen}
        onClose={() => setVersionsOpen(false)}
      />
      <Modal
        title="退回报告"
        open={returnOpen}
        onCancel={() => setReturnOpen(false)}
        okText="退回"
        okButtonProps={{ danger: true, disabled: returnReason.trim() === '' }}
        onOk={async () => {
          await doTransition('return', returnReason.trim());
          setReturnOpen(false);
        }}
      >
        <Input.TextArea
          value={returnReason}
          onChange={(e) => setReturnReason(e.target.value)}
          placeholder="请写明退回原因和修改要求"
          autoSize={{ minRows: 3 }}
        />
      </Modal>
    </PageContainer>
  );
}
