import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { PlacedFindings } from './draft-findings';
import { findingsAt } from './draft-findings';
import type { DraftParagraph, EditorDraft, ParagraphListPath } from './editor-draft';
import {
  insertParagraph,
  mapParagraphs,
  newParagraph,
  removeParagraph,
  setParagraphText,
} from './editor-draft';
import { ParagraphEditor } from './paragraph-editor';

/** What every part of the report editor needs to edit the draft. */
export interface DraftEditing {
  editable: boolean;
  findings: PlacedFindings;
  /** The paragraph or subsection just added, to put the cursor in. */
  focusKey: string | null;
  onFigure: (key: string) => void;
  update: (change: (draft: EditorDraft) => EditorDraft, focusKey?: string) => void;
}

interface ParagraphListProps {
  path: ParagraphListPath;
  paragraphs: DraftParagraph[];
  editing: DraftEditing;
  /** The label of the button that adds the first paragraph to an empty list. */
  addLabel: string;
}

/** The paragraphs of a section or subsection: edit, insert after any, remove any. */
export function ParagraphList({ path, paragraphs, editing, addLabel }: ParagraphListProps) {
  const { editable, findings, focusKey, onFigure, update } = editing;
  const testId = `para-${path.sectionId}-${path.subsectionId ?? ''}`;
  const insertAfter = (afterKey: string | null) => {
    const paragraph = newParagraph();
    update(
      (d) => mapParagraphs(d, path, (ps) => insertParagraph(ps, afterKey, paragraph)),
      paragraph.key,
    );
  };
  if (paragraphs.length === 0)
    return editable ? (
      <Button
        type="dashed"
        size="small"
        icon={<PlusOutlined />}
        onClick={() => insertAfter(null)}
        data-testid={`add-${testId}`}
        style={{ marginBottom: 12 }}
      >
        {addLabel}
      </Button>
    ) : null;
  return (
    <>
      {paragraphs.map((p, i) => (
        <ParagraphEditor
          key={p.key}
          testId={`${testId}-${i}`}
          value={p.text}
          onChange={(text) =>
            update((d) => mapParagraphs(d, path, (ps) => setParagraphText(ps, p.key, text)))
          }
          findings={findingsAt(findings, p.key)}
          saved={p.saved}
          onFigure={onFigure}
          disabled={!editable}
          autoFocus={p.key === focusKey}
          placeholder={p.saved ? undefined : '输入段落内容（空白段落保存时不保留）'}
          onInsertAfter={() => insertAfter(p.key)}
          onRemove={() => update((d) => mapParagraphs(d, path, (ps) => removeParagraph(ps, p.key)))}
        />
      ))}
    </>
  );
}
