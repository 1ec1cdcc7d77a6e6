import { useState } from 'react';
import { Alert, App, Button, Modal, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { apiUrl, isApiError, isSessionError } from '../../api/api-client';
import type { FieldIssue } from '../../api/types';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useImportExcel } from './ledger.api';
import { downloadFile } from '../../api/file-transfer';
import { ACTIVITY_TYPE_LABELS, ACTIVITY_TYPES } from './ledger.types';
import type { ActivityType } from './ledger.types';

interface RowError {
  key: number;
  row: string;
  message: string;
}

function rowErrors(details: FieldIssue[]): RowError[] {
  return details.map((detail, index) => ({
    key: index,
    row: detail.path ? `第 ${detail.path} 行` : '—',
    message: detail.message.replace(/^第\d+行：/, ''),
  }));
}

/** 导入: download the template of a type, fill it in Excel, upload it; all rows or none. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [type, setType] = useState<ActivityType>('meeting');
  const [failure, setFailure] = useState<{ message: string; rows: RowError[] } | null>(null);
  const [downloading, setDownloading] = useState(false);
  const importExcel = useImportExcel();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  const close = () => {
    setFailure(null);
    onClose();
  };

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile(
        apiUrl('/activities/template', { type }),
        `${ACTIVITY_TYPE_LABELS[type]}台账导入模板.xlsx`,
      );
    } catch (error) {
      handleError(error);
    } finally {
      setDownloading(false);
    }
  };

  const upload = async (file: File) => {
    setFailure(null);
    try {
      const result = await importExcel.mutateAsync({ file, type });
      message.success(
        `导入成功：新增 ${result.created} 条记录${result.skipped ? `，跳过示例行 ${result.skipped} 行` : ''}`,
      );
      close();
    } catch (error) {
      // Whatever the reason (bad rows, wrong file type, too large), nothing was written.
      if (isApiError(error) && !isSessionError(error)) {
        setFailure({ message: error.message, rows: rowErrors(error.details) });
      } else {
        handleError(error);
      }
    }
  };

  return (
    <Modal
      title="导入台账记录"
      open={open}
      onCancel={close}
      footer={<Button onClick={close}>关闭</Button>}
      width={720}
      destroyOnHidden
    >
      <div data-testid="ledger-import">
        <Typography.Paragraph type="secondary">
          按记录类型下载 Excel
          模板，按示例填写后上传。系统逐行检查：只要有一行有误，整个文件都不会写入，请按下方提示修改后重新上传。
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<ActivityType>
            value={type}
            onChange={setType}
            style={{ width: 140 }}
            options={ACTIVITY_TYPES.map((t) => ({
              value: t,
              label: `${ACTIVITY_TYPE_LABELS[t]}类`,
            }))}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={downloading}
            onClick={() => void downloadTemplate()}
          >
            下载模板
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={importExcel.isPending}>
              上传 Excel 并导入
            </Button>
          </Upload>
        </Space>
        {failure ? (
          <>
            <Alert
              type="error"
              showIcon
              message={failure.message}
              description="本次导入未写入任何数据。"
              style={{ marginBottom: 12 }}
            />
            {failure.rows.length > 0 ? (
              <Table<RowError>
                rowKey="key"
                size="small"
                dataSource={failure.rows}
                pagination={failure.rows.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: '行号', dataIndex: 'row', key: 'row', width: 100 },
                  { title: '问题', dataIndex: 'message', key: 'message' },
                ]}
                data-testid="ledger-import-errors"
              />
            ) : null}
          </>
        ) : null}
      </div>
    </Modal>
  );
}
