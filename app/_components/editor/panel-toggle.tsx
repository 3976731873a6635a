'use client';
// A thin strip at the canvas's edge that folds the palette (start edge) or the side area (end edge) away and back,
// so the canvas can take the whole width.

import { DoubleLeftOutlined, DoubleRightOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';

export interface PanelToggleProps {
  /** Which side of the canvas the panel is on. */
  edge: 'start' | 'end';
  open: boolean;
  onToggle(): void;
  showLabel: string;
  hideLabel: string;
}

export function PanelToggle({ edge, open, onToggle, showLabel, hideLabel }: PanelToggleProps) {
  const label = open ? hideLabel : showLabel;
  // The arrow points where the panel goes: towards its edge to fold it, away from it to bring it back.
  const towardsStart = edge === 'start' ? open : !open;
  return (
    <div className={`cf-panel-toggle cf-panel-toggle-${edge}`}>
      <Tooltip title={label} placement={edge === 'start' ? 'right' : 'left'}>
        <Button
          type="text"
          size="small"
          aria-label={label}
          aria-expanded={open}
          icon={towardsStart ? <DoubleLeftOutlined /> : <DoubleRightOutlined />}
          onClick={onToggle}
        />
      </Tooltip>
    </div>
  );
}
