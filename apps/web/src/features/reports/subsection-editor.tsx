import { Button, Card, Input, Popconfirm, Space, Tag, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { findingsAt, placeKey } from './draft-findings';
import type { DraftSubsection } from './editor-draft';
import { isBlankSubsection, removeSubsection, setSubsectionTopic } from './editor-draft';
import { FindingList } from './paragraph-findings';
import type { DraftEditing } from './paragraph-list';
import { ParagraphList } from './paragraph-list';

interface SubsectionEditorProps {
  sectionId: string;
  subsection: DraftSubsection;
  /** `（一）` … as it will be numbered when saved; none while it is blank. */
  number: string | undefined;
  editing: DraftEditing;
  onInsertAfter: () => void;
}

/** A `（一）` subsection: its topic sentence, then its paragraphs. */
export function SubsectionEditor({
  sectionId,
  subsection: sub,
  number,
  editing,
  onInsertAfter,
}: SubsectionEditorProps) {
  const { editable, findings, focusKey, update } = editing;
  const testId = `subsection-${sectionId}-${sub.id}`;
  const remove = () => update((d) => removeSubsection(d, sectionId, sub.id));
  const removeButton = (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      data-testid={`remove-${testId}`}
      onClick={isBlankSubsection(sub) ? remove : undefined}
    >
      删除小节
    </Button>
  );
  const paragraphs = sub.paragraphs.filter((p) => p.text.trim() !== '').length;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid={testId}
      title={
        <Input
          value={sub.topic}
          onChange={(e) => update((d) => setSubsectionTopic(d, sectionId, sub.id, e.target.value))}
          disabled={!editable}
          autoFocus={sub.id === focusKey}
          addonBefore={number ?? '（新）'}
          placeholder="主题句，如：强化组织领导，压实工作责任。"
          variant="borderless"
          style={{ fontFamily: 'KaiTi, serif' }}
          data-testid={`topic-${sectionId}-${sub.id}`}
        />
      }
      extra={
        editable ? (
          <Space size={0}>
            {sub.added ? <Tag color="green">新增</Tag> : null}
            <Tooltip title="在本小节后插入一个小节">
              <Button
                size="small"
                type="text"
                icon={<PlusOutlined />}
                aria-label="在本小节后插入小节"
                data-testid={`insert-${testId}`}
                onClick={onInsertAfter}
              />
            </Tooltip>
            {isBlankSubsection(sub) ? (
              removeButton
            ) : (
              <Popconfirm
                title="删除本小节？"
                description={`主题句和 ${paragraphs} 段正文将从草稿中删除，保存后生效。`}
                okText="删除"
                okButtonProps={{ danger: true }}
                cancelText="取消"
                onConfirm={remove}
              >
                {removeButton}
              </Popconfirm>
            )}
          </Space>
        ) : null
      }
    >
      <FindingList findings={findingsAt(findings, placeKey.topic(sectionId, sub.id))} />
      <ParagraphList
        path={{ sectionId, subsectionId: sub.id }}
        paragraphs={sub.paragraphs}
        editing={editing}
        addLabel="添加段落"
      />
    </Card>
  );
}
