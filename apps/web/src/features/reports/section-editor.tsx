import { Alert, Button, Divider } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { findingsAt, placeKey } from './draft-findings';
import type { DraftSection } from './editor-draft';
import { insertSubsection, newSubsection, subsectionNumbers } from './editor-draft';
import type { DraftEditing } from './paragraph-list';
import { ParagraphList } from './paragraph-list';
import { SubsectionEditor } from './subsection-editor';

/** A `一、` section: heading, its own paragraphs, then its `（一）` subsections. */
export function SectionEditor({
  section,
  editing,
}: {
  section: DraftSection;
  editing: DraftEditing;
}) {
  const { editable, findings, update } = editing;
  const numbers = subsectionNumbers(section);
  const addSubsection = (afterId: string | null) => {
    const subsection = newSubsection();
    update((d) => insertSubsection(d, section.id, afterId, subsection), subsection.id);
  };
  return (
    <div data-testid={`section-${section.id}`}>
      <Divider orientation="left" style={{ fontFamily: 'SimHei, sans-serif' }}>
        {section.number}
        {section.heading}
      </Divider>
      {findingsAt(findings, placeKey.heading(section.id)).map((f, i) => (
        <Alert key={i} type="warning" showIcon message={f.message} style={{ marginBottom: 8 }} />
      ))}
      <ParagraphList
        path={{ sectionId: section.id }}
        paragraphs={section.paragraphs}
        editing={editing}
        addLabel={section.subsections.length > 0 ? '在小节前添加段落' : '添加段落'}
      />
      {section.subsections.map((sub) => (
        <SubsectionEditor
          key={sub.id}
          sectionId={section.id}
          subsection={sub}
          number={numbers.get(sub.id)}
          editing={editing}
          onInsertAfter={() => addSubsection(sub.id)}
        />
      ))}
      {editable ? (
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          onClick={() => addSubsection(null)}
          data-testid={`add-subsection-${section.id}`}
          style={{ marginBottom: 12 }}
        >
          添加小节
        </Button>
      ) : null}
    </div>
  );
}
