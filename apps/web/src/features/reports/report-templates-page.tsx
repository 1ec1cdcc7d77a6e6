import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Input,
  Popconfirm,
  Row,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { isApiError } from '../../api/api-client';
import { PageContainer } from '../../components/page-container';
import { QueryErrorAlert } from '../../components/query-error';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { previewTemplate, useResetTemplate, useSaveTemplate, useTemplates } from './reports.api';
import type { ReportTemplate } from './reports.types';
import { defaultPeriod } from './report-text';

const HELP = `模板使用 LiquidJS 语法，输出以下标记：
# 标题    > 主送机关    ## 一、部分标题    ### （一）小节主题句    其余每行为一个段落（第一部分之前的一段为开头语）。
可用变量：title、recipient、opening、unit.name、period.label、periodShort、nextPeriod、dateText、work.heading、work.items（number、topic、area、paragraphs、texts）、problems.heading / problems.paragraphs、plans.heading / plans.paragraphs。
段落变量带有数字来源，原样输出即可保留与台账记录的链接。渲染有时间和大小限制，不能引用其他文件。`;

function TemplateEditor({ template }: { template: ReportTemplate }) {
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<{ html?: string; error?: string; loading: boolean }>({
    loading: false,
  });
  const save = useSaveTemplate();
  const reset = useResetTemplate();
  const onError = useApiErrorHandler();
  const { message } = App.useApp();
  const sequence = useRef(0);

  useEffect(() => setBody(template.body), [template.body]);
  useEffect(() => {
    const current = ++sequence.current;
    setPreview((p) => ({ ...p, loading: true }));
    const timer = window.setTimeout(() => {
      previewTemplate({ kind: template.kind, body, period: defaultPeriod() })
        .then((r) => current === sequence.current && setPreview({ html: r.html, loading: false }))
        .catch(
          (e: unknown) =>
            current === sequence.current &&
            setPreview({ error: isApiError(e) ? e.message : '预览失败', loading: false }),
        );
    }, 700);
    return () => window.clearTimeout(timer);
  }, [body, template.kind]);

  return (
    <Row gutter={16}>
      <Col xs={24} lg={11}>
        <Space style={{ marginBottom: 8 }}>
          {template.isDefault ? (
            <Tag>默认模板</Tag>
          ) : (
            <Tag color="blue">已自定义（第 {template.version} 版）</Tag>
          )}
          <Button
            type="primary"
            loading={save.isPending}
            disabled={body === template.body}
            onClick={() =>
              save.mutateAsync({ kind: template.kind, body, version: template.version }).then(
                () => message.success('模板已保存'),
                (e: unknown) => onError(e),
              )
            }
          >
            保存
          </Button>
          <Popconfirm
            title="恢复为产品自带的默认模板？"
            onConfirm={() =>
              reset.mutateAsync(template.kind).then(
                () => message.success('已恢复默认模板'),
                (e: unknown) => onError(e),
              )
            }
          >
            <Button disabled={template.isDefault}>恢复默认</Button>
          </Popconfirm>
        </Space>
        <Input.TextArea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          autoSize={{ minRows: 24, maxRows: 40 }}
          style={{ fontFamily: 'monospace', fontSize: 13 }}
          spellCheck={false}
          data-testid="template-body"
        />
      </Col>
      <Col xs={24} lg={13}>
        <Typography.Text type="secondary">
          实时预览（本单位 {defaultPeriod()} 的真实台账数据，不保存）
        </Typography.Text>
        {preview.error ? (
          <Alert
            type="error"
            showIcon
            message={preview.error}
            style={{ margin: '8px 0' }}
            data-testid="template-error"
          />
        ) : null}
        <Spin spinning={preview.loading}>
          <div
            style={{
              background: '#f2f2f2',
              padding: 12,
              maxHeight: 900,
              overflow: 'auto',
              opacity: preview.error ? 0.4 : 1,
            }}
            dangerouslySetInnerHTML={{ __html: preview.html ?? '' }}
          />
        </Spin>
      </Col>
    </Row>
  );
}

/** 报告模板: administrators edit the LiquidJS template of each report kind with a live preview. */
export function ReportTemplatesPage() {
  const { data, error, refetch } = useTemplates();
  return (
    <PageContainer
      title="报告模板"
      breadcrumb={[{ title: '工作报告' }, { title: '报告模板' }]}
      description="每类报告一个模板；模板无效时不能保存，已生成的报告不受影响。"
    >
      <QueryErrorAlert error={error} onRetry={() => void refetch()} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0, fontSize: 13 }}>
          {HELP}
        </Typography.Paragraph>
      </Card>
      <Tabs
        items={(data ?? []).map((t) => ({
          key: t.kind,
          label: t.kindLabel,
          children: <TemplateEditor template={t} />,
        }))}
      />
    </PageContainer>
  );
}
