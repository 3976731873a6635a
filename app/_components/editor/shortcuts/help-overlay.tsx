'use client';
// The keyboard help overlay (press ?): every shortcut from the shortcut list, written for this platform.

import { Modal } from 'antd';
import { useTranslations } from 'next-intl';
import { describeShortcut, shortcuts } from './shortcut-list';

export function HelpOverlay({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useTranslations('editor.shortcuts');
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Modal open={open} onCancel={onClose} footer={null} title={t('title')}>
      <table className="cf-shortcuts">
        <tbody>
          {shortcuts.map((s, i) => (
            <tr key={`${s.action}-${i}`}>
              <td>{t(`actions.${s.action}`)}</td>
              <td>
                <kbd>{describeShortcut(s, mac)}</kbd>
              </td>
            </tr>
          ))}
          <tr>
            <td>{t('actions.multiSelect')}</td>
            <td>
              <kbd>{mac ? '⇧ / ⌘' : 'Shift / Ctrl'}</kbd>
            </td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
