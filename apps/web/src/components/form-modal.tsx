import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { App, Form, Modal } from 'antd';
import type { FormInstance } from 'antd';
import { useApiErrorHandler } from '../lib/use-api-error';

interface FormModalProps<T extends object> {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Persists the values; resolve to close the modal, throw an ApiError to show it. */
  onSubmit: (values: T, form: FormInstance<T>) => Promise<unknown>;
  initialValues?: Partial<T>;
  children: ReactNode;
  width?: number;
  successMessage?: string;
  testId?: string;
}

/** The one way forms are shown: an antd Form in a modal, with server errors mapped to fields. */
export function FormModal<T extends object>({
  title,
  open,
  onClose,
  onSubmit,
  initialValues,
  children,
  width = 560,
  successMessage = '保存成功',
  testId,
}: FormModalProps<T>) {
  const [form] = Form.useForm<T>();
  const [submitting, setSubmitting] = useState(false);
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();

  useEffect(() => {
    // The modal can be reopened for another record before the previous one is torn down;
    // start every opening from the current initial values.
    if (open) form.resetFields();
  }, [open, form]);

  const submit = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return; // antd already shows the field messages
    }
    setSubmitting(true);
    try {
      await onSubmit(values, form);
      message.success(successMessage);
      onClose();
    } catch (error) {
      handleError(error, form, onClose);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      title={title}
      open={open}
      width={width}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      confirmLoading={submitting}
      destroyOnHidden
      maskClosable={false}
      okButtonProps={{ 'data-testid': 'form-modal-submit' }}
      data-testid={testId}
    >
      <Form<T>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        wrapperCol={{ span: 18 }}
        initialValues={initialValues}
        preserve={false}
        onFinish={() => void submit()}
        style={{ marginTop: 24 }}
        data-testid={testId ? `${testId}-form` : undefined}
      >
        {children}
        {/* Lets Enter submit the form from any input. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
