// Text colours that keep a 4.5:1 contrast on white and on their tinted backgrounds (antd's defaults for error text,
// hints and coloured tags fall below it, and axe checks every page).

import type { CSSProperties } from 'react';

export const errorText = '#b42318';
export const hintText = '#595959';

export const tagStyles: Record<'error' | 'warning' | 'success' | 'changed', CSSProperties> = {
  error: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  warning: { color: '#874d00', background: '#fffbe6', borderColor: '#ffe58f' },
  success: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  changed: { color: '#613400', background: '#fff7e6', borderColor: '#ffd591' },
};
