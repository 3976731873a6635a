'use client';
// A titled box in antd's Card look (globals.css `.cf-panel`) for forms and summaries outside the editor: antd's Card
// brings its Tabs (tab lists, overflow menus, motion) with it, ≈ 20 KB of gzipped JavaScript on every page using one.

import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';

export interface PanelProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  title?: ReactNode;
  /** Beside the title, at the right (as Card's `extra`). */
  extra?: ReactNode;
  size?: 'default' | 'small';
  style?: CSSProperties;
  children: ReactNode;
}

export function Panel({ title, extra, size = 'default', className, children, ...rest }: PanelProps) {
  return (
    <section
      className={`cf-panel${size === 'small' ? ' cf-panel-small' : ''}${className ? ` ${className}` : ''}`}
      {...rest}
    >
      {(title || extra) && (
        <div className="cf-panel-head">
          <div className="cf-panel-title">{title}</div>
          {extra && <div className="cf-panel-extra">{extra}</div>}
        </div>
      )}
      <div className="cf-panel-body">{children}</div>
    </section>
  );
}
