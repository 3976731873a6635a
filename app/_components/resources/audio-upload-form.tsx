'use client';
// Upload one recording: key, language and a WAV/MP3 file, sent as multipart to /api/audio; refusals in the user's language.

import { UploadOutlined } from '@ant-design/icons';
import { App, AutoComplete, Button, Card, Form, Input, Space, Upload, type UploadFile } from 'antd';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

interface UploadValues {
  key: string;
  language: string;
}

interface UploadError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

const knownCodes = new Set(['empty', 'tooLarge', 'notAudio', 'extensionMismatch', 'wavMalformed', 'wavTruncated', 'wavUnsupported', 'mp3Malformed', 'sampleRate', 'channels', 'tooShort', 'tooLong', 'badKey', 'badLanguage', 'badText', 'forbidden', 'unauthorized']);

export function AudioUploadForm({ onUploaded }: { onUploaded: () => Promise<unknown> }) {
  const t = useTranslations('audio');
  const { message } = App.useApp();
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);

  function describe(error: UploadError): string {
    if (!knownCodes.has(error.code)) return t('errors.other', { message: error.message });
    const params = error.params ?? {};
    // Byte counts read better as megabytes.
    if (error.code === 'tooLarge') return t('errors.tooLarge', { size: Math.round((Number(params.size) / 1048576) * 10) / 10, max: Math.round(Number(params.max) / 1048576) });
    return t(`errors.${error.code}`, params);
  }

  async function upload(values: UploadValues) {
    if (!file) {
      message.error(t('errors.noFile'));
      return;
    }
    setBusy(true);
    try {
      const body = new FormData();
      body.set('key', values.key.trim());
      body.set('language', values.language.trim());
      body.set('file', file);
      const response = await fetch('/api/audio', { method: 'POST', body });
      const payload = (await response.json().catch(() => ({}))) as { audio?: { replaced: boolean }; error?: UploadError };
      if (!response.ok || !payload.audio) {
        message.error(describe(payload.error ?? { code: 'other', message: response.statusText }));
        return;
      }
      message.success(payload.audio.replaced ? t('replaced', { key: values.key, language: values.language }) : t('uploaded', { key: values.key, language: values.language }));
      setFile(null);
      form.resetFields(['key']);
      await onUploaded();
    } catch {
      message.error(t('errors.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'chosen', name: file.name, status: 'done' }] : [];

  return (
    <Card size="small" title={t('uploadTitle')} style={{ marginBottom: 16 }}>
      <Form<UploadValues> name="audio-upload" form={form} layout="inline" initialValues={{ language: 'zh-CN' }} onFinish={upload}>
        <Form.Item label={t('key')} name="key" rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, message: t('keyInvalid') }]}>
          <Input placeholder="welcome" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item label={t('language')} name="language" rules={[{ required: true, pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, message: t('languageInvalid') }]}>
          <AutoComplete options={[{ value: 'zh-CN' }, { value: 'en-US' }]} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('file')} required>
          <Space>
            <Upload
              accept=".wav,.mp3,audio/wav,audio/mpeg"
              maxCount={1}
              fileList={fileList}
              onRemove={() => setFile(null)}
              beforeUpload={(chosen) => {
                setFile(chosen);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('choose')}</Button>
            </Upload>
          </Space>
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('upload')}
          </Button>
        </Form.Item>
      </Form>
      <p style={{ margin: '8px 0 0', color: 'rgba(0,0,0,0.65)' }}>{t('limits')}</p>
    </Card>
  );
}
