import { Card, Divider, Input, Space, Typography } from 'antd';
import { findingsAt, placeKey } from './draft-findings';
import type { EditorDraft } from './editor-draft';
import { FindingList } from './paragraph-findings';
import { ParagraphEditor } from './paragraph-editor';
import type { DraftEditing } from './paragraph-list';
import type { StructuredReport } from './reports.types';
import { SectionEditor } from './section-editor';

interface ReportDraftEditorProps {
  draft: EditorDraft;
  /** The saved report, for the opening's figures. */
  saved: StructuredReport;
  editing: DraftEditing;
}

/** The whole report, part by part: title, opening, sections, signature and date. */
export function ReportDraftEditor({ draft, saved, editing }: ReportDraftEditorProps) {
  const { editable, findings, onFigure, update } = editing;
  return (
    <Card>
      <Typography.Text strong>标题</Typography.Text>
      <ParagraphEditor
        testId="edit-title"
        value={draft.title}
        onChange={(title) => update((d) => ({ ...d, title }))}
        findings={findingsAt(findings, placeKey.title)}
        onFigure={onFigure}
        disabled={!editable}
      />
      <Typography.Text strong>开头</Typography.Text>
      <ParagraphEditor
        testId="edit-opening"
        value={draft.opening}
        onChange={(opening) => update((d) => ({ ...d, opening }))}
        findings={findingsAt(findings, placeKey.opening)}
        saved={saved.opening}
        onFigure={onFigure}
        disabled={!editable}
      />
      {draft.sections.map((section) => (
        <SectionEditor key={section.id} section={section} editing={editing} />
      ))}
      <Divider />
      <Space direction="vertical" style={{ width: '100%' }}>
        <Input
          addonBefore="署名"
          value={draft.signature}
          onChange={(e) => update((d) => ({ ...d, signature: e.target.value }))}
          disabled={!editable}
        />
        <FindingList findings={findingsAt(findings, placeKey.signature)} />
        <Input
          addonBefore="成文日期"
          type="date"
          value={draft.date}
          onChange={(e) => update((d) => ({ ...d, date: e.target.value }))}
          disabled={!editable}
        />
        <FindingList findings={findingsAt(findings, placeKey.date)} />
      </Space>
    </Card>
  );
}
