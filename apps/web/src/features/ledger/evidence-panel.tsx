import { App, Button, Card, Empty, Image, List, Popconfirm, Space, Typography, Upload } from 'antd';
import { DeleteOutlined, DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { isApiError } from '../../api/api-client';
import { formatDateTime } from '../../lib/format';
import { useApiErrorHandler } from '../../lib/use-api-error';
import { useAuth } from '../auth/use-auth';
import { formatFileSize } from './ledger-labels';
import { LEDGER_PERM } from './ledger-permissions';
import { downloadFile } from '../../api/file-transfer';
import { evidenceUrl, useDeleteEvidence, useUploadEvidence } from './ledger.api';
import type { Activity, Evidence } from './ledger.types';
import './ledger.css';

const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.txt,.md,.csv';

function isImage(file: Evidence): boolean {
  return file.hasFile && file.contentType.startsWith('image/');
}

/** 证明材料: thumbnails of photos, the other files as a list; upload and remove. */
export function EvidencePanel({ activity }: { activity: Activity }) {
  const { can } = useAuth();
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const upload = useUploadEvidence();
  const remove = useDeleteEvidence();
  const editable = can(LEDGER_PERM.edit) && !activity.deletedAt;
  const images = activity.evidence.filter(isImage);
  const others = activity.evidence.filter((file) => !isImage(file));

  const send = async (file: File) => {
    try {
      await upload.mutateAsync({ activityId: activity.id, file });
      message.success(`已上传“${file.name}”`);
    } catch (error) {
      // Size and type checks happen on the server (by content); show its reason.
      message.error(`“${file.name}”未能上传：${isApiError(error) ? error.message : '上传失败'}`);
    }
  };

  const download = async (file: Evidence) => {
    try {
      await downloadFile(evidenceUrl(file.id), file.fileName);
    } catch (error) {
      handleError(error);
    }
  };

  const removeButton = (file: Evidence) =>
    editable ? (
      <Popconfirm
        title={`删除证明材料“${file.fileName}”？`}
        okText="删除"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onConfirm={async () => {
          try {
            await remove.mutateAsync(file.id);
            message.success('证明材料已删除');
          } catch (error) {
            handleError(error);
          }
        }}
      >
        <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label="删除" />
      </Popconfirm>
    ) : null;

  return (
    <Card
      title={`证明材料（${activity.evidence.length}）`}
      variant="borderless"
      data-testid="evidence-panel"
      extra={
        editable ? (
          <Upload
            multiple
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="evidence-upload"
            >
              上传材料
            </Button>
          </Upload>
        ) : null
      }
    >
      {activity.evidence.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description="暂无证明材料。可上传照片、会议记录、签到表、PDF 等（单个不超过 20 MB）。"
        />
      ) : null}
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Space wrap size={12} style={{ marginBottom: others.length ? 16 : 0 }}>
            {images.map((file) => (
              <div key={file.id} className="tz-evidence-thumb" data-testid="evidence-thumb">
                <Image
                  src={evidenceUrl(file.id)}
                  alt={file.fileName}
                  width={120}
                  height={90}
                  style={{ objectFit: 'cover', borderRadius: 4 }}
                />
                <div className="tz-evidence-caption">
                  <Typography.Text ellipsis style={{ maxWidth: 90 }} title={file.fileName}>
                    {file.fileName}
                  </Typography.Text>
                  {removeButton(file)}
                </div>
              </div>
            ))}
          </Space>
        </Image.PreviewGroup>
      ) : null}
      {others.length > 0 ? (
        <List<Evidence>
          size="small"
          dataSource={others}
          renderItem={(file) => (
            <List.Item
              actions={[
                file.hasFile ? (
                  <Button
                    key="download"
                    type="link"
                    size="small"
                    icon={<DownloadOutlined />}
                    onClick={() => void download(file)}
                  >
                    下载
                  </Button>
                ) : (
                  <Typography.Text key="missing" type="secondary">
                    仅登记文件名
                  </Typography.Text>
                ),
                removeButton(file),
              ]}
            >
              <List.Item.Meta
                avatar={<FileOutlined />}
                title={file.fileName}
                description={`${file.hasFile ? formatFileSize(file.size) : '未上传'} · ${formatDateTime(file.createdAt)}`}
              />
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}
