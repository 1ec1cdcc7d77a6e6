import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Badge,
  Button,
  Card,
  Descriptions,
  Divider,
  Dropdown,
  Input,
  Modal,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { DownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { formatDate } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { FigureRecordsDrawer } from './figure-records-drawer';
import { ReportPreview } from './report-preview';
import { findingsAt, useLiveProofread } from './use-live-proofread';
import { ParagraphEditor } from './paragraph-editor';
import { exportUrl, useReport, useReportTransition, useSaveReport } from './reports.api';
import type { ReportDraft } from './reports.types';
import { ReportVersionsDrawer } from './report-versions-drawer';
import { STATUS_COLORS, draftOf, periodLabel } from './report-text';

/** The report editor: section by section, proofread as you type, figures linked to records. */
export function ReportEditorPage() {
  const id = Number(useParams().id);
  const { data: report, error, refetch, isPending } = useReport(id);
  const [draft, setDraft] = useState<ReportDraft>();
  const [dirty, setDirty] = useState(false);
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
      setDraft(draftOf(report.content));
      setDirty(false);
    }
  }, [report]);

  const { result, checking } = useLiveProofread(report, draft);
  const findings = useMemo(() => result?.findings ?? [], [result]);

  if (isPending) return <Spin style={{ margin: 48 }} />;
  if (error || !report || !draft)
    return <QueryErrorAlert error={error} onRetry={() => void refetch()} />;

  const editable = report.actions.edit;
  const update = (change: (d: ReportDraft) => ReportDraft) => {
    setDraft((d) => (d ? change(d) : d));
    setDirty(true);
  };
  const setSectionParagraph = (sectionId: string, index: number, text: string) =>
    update((d) => ({
      ...d,
      sections: d.sections.map((s) =>
        s.id === sectionId
          ? { ...s, paragraphs: s.paragraphs.map((p, i) => (i === index ? text : p)) }
          : s,
      ),
    }));
  const setSubParagraph = (sectionId: string, subId: string, index: number, text: string) =>
    update((d) => ({
      ...d,
      sections: d.sections.map((s) =>
        s.id === sectionId
          ? {
              ...s,
              subsections: s.subsections.map((sub) =>
                sub.id === subId
                  ? { ...sub, paragraphs: sub.paragraphs.map((p, i) => (i === index ? text : p)) }
                  : sub,
              ),
            }
          : s,
      ),
    }));
  const setSubTopic = (sectionId: string, subId: string, topic: string) =>
    update((d) => ({
      ...d,
      sections: d.sections.map((s) =>
        s.id === sectionId
          ? {
              ...s,
              subsections: s.subsections.map((sub) => (sub.id === subId ? { ...sub, topic } : sub)),
            }
          : s,
      ),
    }));

  const doSave = async () => {
    try {
      await save.mutateAsync({ version: report.version, draft });
      message.success('已保存为新版本');
    } catch (e) {
      onError(e, undefined, () => void refetch());
    }
  };
  const doTransition = async (
    action: 'review' | 'reopen' | 'submit' | 'return',
    reason?: string,
  ) => {
    try {
      if (dirty && report.actions.edit) await save.mutateAsync({ version: report.version, draft });
      const latest = (await refetch()).data ?? report;
      await transition.mutateAsync({
        version: latest.version,
        action,
        ...(reason ? { reason } : {}),
      });
      message.success(
        { review: '已提交审核', reopen: '已撤回审核', submit: '已报送上级单位', return: '已退回' }[
          action
        ],
      );
    } catch (e) {
      onError(e);
    }
  };
  const confirmSubmit = () => {
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

  const counts = result?.counts ?? { error: 0, warning: 0, info: 0 };
  const saved = report.content;

  return (
    <PageContainer
      title={report.title}
      breadcrumb={[
        { title: '工作报告' },
        { title: '报告管理', path: '/reports' },
        { title: '编辑报告' },
      ]}
      extra={
        <>
          {editable ? (
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={() => void doSave()}
              loading={save.isPending}
              disabled={!dirty}
              data-testid="save-report"
            >
              保存
            </Button>
          ) : null}
          {report.actions.review ? (
            <Button onClick={() => void doTransition('review')} data-testid="action-review">
              提交审核
            </Button>
          ) : null}
          {report.actions.reopen ? (
            <Button onClick={() => void doTransition('reopen')}>撤回</Button>
          ) : null}
          {report.actions.submit ? (
            <Button type="primary" ghost onClick={confirmSubmit} data-testid="action-submit">
              报送上级
            </Button>
          ) : null}
          {report.actions.return ? (
            <Button danger onClick={() => setReturnOpen(true)} data-testid="action-return">
              退回
            </Button>
          ) : null}
          <Dropdown
            menu={{
              items: [
                {
                  key: 'docx',
                  label: (
                    <a href={exportUrl(id, 'docx')} download data-testid="export-docx">
                      Word（.docx，公文格式）
                    </a>
                  ),
                },
                {
                  key: 'html',
                  label: (
                    <a href={exportUrl(id, 'html')} download>
                      HTML
                    </a>
                  ),
                },
                {
                  key: 'md',
                  label: (
                    <a href={exportUrl(id, 'md')} download>
                      Markdown
                    </a>
                  ),
                },
                {
                  key: 'json',
                  label: (
                    <a href={exportUrl(id, 'json')} download>
                      JSON（结构化）
                    </a>
                  ),
                },
              ],
            }}
          >
            <Button icon={<DownloadOutlined />} data-testid="export-menu">
              导出
            </Button>
          </Dropdown>
          <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)}>
            版本
          </Button>
        </>
      }
    >
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
          {dirty ? <Tag color="orange">有未保存的修改</Tag> : null}
        </Space>
      </Card>
      <Tabs
        items={[
          {
            key: 'edit',
            label: '逐节编辑',
            children: (
              <Card>
                <Typography.Text strong>标题</Typography.Text>
                <ParagraphEditor
                  testId="edit-title"
                  value={draft.title}
                  onChange={(title) => update((d) => ({ ...d, title }))}
                  findings={findingsAt(findings, { part: 'title' })}
                  onFigure={setFigureKey}
                  disabled={!editable}
                />
                <Typography.Text strong>开头</Typography.Text>
                <ParagraphEditor
                  testId="edit-opening"
                  value={draft.opening}
                  onChange={(opening) => update((d) => ({ ...d, opening }))}
                  findings={findingsAt(findings, { part: 'opening' })}
                  saved={saved.opening}
                  onFigure={setFigureKey}
                  disabled={!editable}
                />
                {draft.sections.map((section) => {
                  const savedSection = saved.sections.find((s) => s.id === section.id);
                  return (
                    <div key={section.id} data-testid={`section-${section.id}`}>
                      <Divider orientation="left" style={{ fontFamily: 'SimHei, sans-serif' }}>
                        {savedSection?.number}
                        {section.heading}
                      </Divider>
                      {findingsAt(findings, { part: 'heading', sectionId: section.id }).map(
                        (f, i) => (
                          <Alert
                            key={i}
                            type="warning"
                            showIcon
                            message={f.message}
                            style={{ marginBottom: 8 }}
                          />
                        ),
                      )}
                      {section.paragraphs.map((text, i) => (
                        <ParagraphEditor
                          key={i}
                          testId={`para-${section.id}--${i}`}
                          value={text}
                          onChange={(t) => setSectionParagraph(section.id, i, t)}
                          findings={findingsAt(findings, {
                            part: 'paragraph',
                            sectionId: section.id,
                            paragraph: i,
                          })}
                          saved={savedSection?.paragraphs[i]}
                          onFigure={setFigureKey}
                          disabled={!editable}
                        />
                      ))}
                      {section.subsections.map((sub) => {
                        const savedSub = savedSection?.subsections.find((s) => s.id === sub.id);
                        return (
                          <Card
                            key={sub.id}
                            size="small"
                            style={{ marginBottom: 12 }}
                            title={
                              <Input
                                value={sub.topic}
                                onChange={(e) => setSubTopic(section.id, sub.id, e.target.value)}
                                disabled={!editable}
                                addonBefore={savedSub?.number ?? '（新）'}
                                variant="borderless"
                                style={{ fontFamily: 'KaiTi, serif' }}
                              />
                            }
                          >
                            {sub.paragraphs.map((text, i) => (
                              <ParagraphEditor
                                key={i}
                                testId={`para-${section.id}-${sub.id}-${i}`}
                                value={text}
                                onChange={(t) => setSubParagraph(section.id, sub.id, i, t)}
                                findings={findingsAt(findings, {
                                  sectionId: section.id,
                                  subsectionId: sub.id,
                                  paragraph: i,
                                })}
                                saved={savedSub?.paragraphs[i]}
                                onFigure={setFigureKey}
                                disabled={!editable}
                              />
                            ))}
                          </Card>
                        );
                      })}
                    </div>
                  );
                })}
                <Divider />
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input
                    addonBefore="署名"
                    value={draft.signature}
                    onChange={(e) => update((d) => ({ ...d, signature: e.target.value }))}
                    disabled={!editable}
                  />
                  <Input
                    addonBefore="成文日期"
                    type="date"
                    value={draft.date}
                    onChange={(e) => update((d) => ({ ...d, date: e.target.value }))}
                    disabled={!editable}
                  />
                </Space>
              </Card>
            ),
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
