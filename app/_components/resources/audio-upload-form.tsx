'use client';
// Upload one recording: key, language and a WAV/MP3 file, sent as multipart to /api/audio; refusals in the user's language.

import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Form, Input } from 'antd';
import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { Panel } from '../shell/panel';
import { useStudioApp } from '../shell/studio-app';

interface UploadValues {
  key: string;
  language: string;
}

interface UploadError {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

const knownCodes = new Set([
  'empty',
  'tooLarge',
  'notAudio',
  'extensionMismatch',
  'wavMalformed',
  'wavTruncated',
  'wavUnsupported',
  'mp3Malformed',
  'sampleRate',
  'channels',
  'tooShort',
  'tooLong',
  'badKey',
  'badLanguage',
  'badText',
  'forbidden',
  'unauthorized',
]);

export function AudioUploadForm({ onUploaded }: { onUploaded: () => Promise<unknown> }) {
  const t = useTranslations('audio');
  const { message } = useStudioApp();
  const [form] = Form.useForm<UploadValues>();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  // A native file input behind antd's button (antd's Upload, with its upload list and progress code, only picked a file here).
  const fileInput = useRef<HTMLInputElement>(null);

  function describe(error: UploadError): string {
    if (!knownCodes.has(error.code)) return t('errors.other', { message: error.message });
    const params = error.params ?? {};
    // Byte counts read better as megabytes.
    if (error.code === 'tooLarge')
      return t('errors.tooLarge', {
        size: Math.round((Number(params.size) / 1048576) * 10) / 10,
        max: Math.round(Number(params.max) / 1048576),
      });
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
      const payload = (await response.json().catch(() => ({}))) as {
        audio?: { replaced: boolean };
        error?: UploadError;
      };
      if (!response.ok || !payload.audio) {
        message.error(describe(payload.error ?? { code: 'other', message: response.statusText }));
        return;
      }
      message.success(
        payload.audio.replaced
          ? t('replaced', { key: values.key, language: values.language })
          : t('uploaded', { key: values.key, language: values.language }),
      );
      setFile(null);
      form.resetFields(['key']);
      await onUploaded();
    } catch {
      message.error(t('errors.unreachable'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel size="small" title={t('uploadTitle')} style={{ marginBottom: 16 }}>
      <Form<UploadValues>
        name="audio-upload"
        form={form}
        layout="inline"
        initialValues={{ language: 'zh-CN' }}
        onFinish={upload}
      >
        <Form.Item
          label={t('key')}
          name="key"
          rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, message: t('keyInvalid') }]}
        >
          <Input placeholder="welcome" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          label={t('language')}
          name="language"
          rules={[{ required: true, pattern: /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/, message: t('languageInvalid') }]}
        >
          <AutoComplete options={[{ value: 'zh-CN' }, { value: 'en-US' }]} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item label={t('file')} required>
          <input
            ref={fileInput}
            type="file"
            hidden
            aria-label={t('choose')}
            tabIndex={-1}
            accept=".wav,.mp3,audio/wav,audio/mpeg"
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              // The same file may be chosen again after it is removed.
              event.target.value = '';
            }}
          />
          <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
            {t('choose')}
          </Button>
          {file && (
            <div className="cf-chosen-file">
              <PaperClipOutlined aria-hidden />
              <span>{file.name}</span>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={t('removeFile', { name: file.name })}
                onClick={() => setFile(null)}
              />
            </div>
          )}
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('upload')}
          </Button>
        </Form.Item>
      </Form>
      <p style={{ margin: '8px 0 0', color: 'rgba(0,0,0,0.65)' }}>{t('limits')}</p>
    </Panel>
  );
}
