import { useEffect, useState } from 'react';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/api-client';
import type { FieldIssue } from '../../api/types';
import { downloadTemplate, useUploadTermList } from './proofread.api';
import type { TermList } from './proofread.types';

interface RowError {
  row: number | null;
  message: string;
}

function rowErrors(details: FieldIssue[]): RowError[] {
  return details.map((d) => {
    const row = /^row:(\d+)$/.exec(d.path)?.[1];
    return { row: row ? Number(row) : null, message: d.message.replace(/^第\d+行：/, '') };
  });
}

/** Uploads a new version of a term list; shows every bad row when the file is refused. */
export function TermUploadModal({ list, onClose }: { list: TermList | null; onClose: () => void }) {
  const { message } = App.useApp();
  const upload = useUploadTermList();
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);

  useEffect(() => {
    if (list) setFailure(null);
  }, [list]);

  const send = async (file: File) => {
    if (!list) return;
    setFailure(null);
    try {
      const version = await upload.mutateAsync({ id: list.id, file });
      message.success(`已导入为第 ${version.number} 版，共 ${version.entryCount} 条词条`);
      onClose();
    } catch (error) {
      setFailure({
        message: isApiError(error) ? error.message : '上传失败，请稍后再试',
        rows: isApiError(error) ? rowErrors(error.details) : [],
      });
    }
  };

  return (
    <Modal
      title={list ? `上传词表：${list.name}` : '上传词表'}
      open={list !== null}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={680}
      destroyOnHidden
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          每次上传生成一个新版本，当前版本即最新版本，旧版本保留并可回滚。列依次为：词条、类别（禁用/慎用/推荐/规范）、级别（可留空）、建议、备注。任一行有误时整个文件不会导入。
        </Typography.Paragraph>
        <Space>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void downloadTemplate('xlsx')}
          >
            下载 Excel 模板
          </Button>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => void downloadTemplate('tsv')}
          >
            下载 TSV 模板
          </Button>
        </Space>
        <Upload.Dragger
          accept=".xlsx,.tsv,.txt"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {upload.isPending ? '正在导入…' : '点击或拖拽词表文件到此处'}
          </p>
          <p className="ant-upload-hint">支持 .xlsx 和制表符分隔的 .tsv/.txt，最多 20 万行</p>
        </Upload.Dragger>
        {failure ? (
          <Alert
            type="error"
            showIcon
            message="未导入任何词条"
            description={failure.message}
            data-testid="term-upload-error"
          />
        ) : null}
        {failure && failure.rows.length > 0 ? (
          <Table<RowError>
            size="small"
            rowKey={(r, i) => `${r.row ?? 'x'}-${i}`}
            dataSource={failure.rows}
            pagination={{ pageSize: 10, hideOnSinglePage: true, size: 'small' }}
            columns={[
              {
                title: '行号',
                dataIndex: 'row',
                width: 80,
                render: (row: number | null) => (row === null ? '—' : `第 ${row} 行`),
              },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        ) : null}
      </Space>
    </Modal>
  );
}
