'use client';
// A button that opens a short list below it — the top bar's Resources and Admin sections, the language menu — in
// place of antd's Menu and Dropdown, whose code (rc-menu, overflow, trigger motion) every route paid ≈ 20 KB gzipped
// for. Escape or a click elsewhere closes it; links close it as they navigate.

import { useEffect, useId, useRef, useState, type ElementType, type ReactNode } from 'react';

export interface DisclosureItem {
  key: string;
  label: ReactNode;
  /** A link; otherwise `onSelect` runs. */
  href?: string;
  onSelect?(): void;
  /** The current page or the chosen option (marked, and `aria-current` for links). */
  selected?: boolean;
}

export interface DisclosureMenuProps {
  label: ReactNode;
  /** The button's accessible name when `label` alone does not say enough. */
  ariaLabel?: string;
  icon?: ReactNode;
  items: DisclosureItem[];
  /** `menu`: a menu of actions (menuitem roles); `nav` (default): a list of links in a navigation. */
  kind?: 'menu' | 'nav';
  /** Drawn as the current section (one of its links is the current page). */
  active?: boolean;
  align?: 'start' | 'end';
  /**
   * What draws a link item: the top bar passes next/link. The default, a plain `<a>`, keeps next/link's code off the
   * sign-in page, whose language menu has no links.
   */
  link?: ElementType;
}

export function DisclosureMenu({
  label,
  ariaLabel,
  icon,
  items,
  kind = 'nav',
  active = false,
  align = 'start',
  link: LinkItem = 'a',
}: DisclosureMenuProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const menu = kind === 'menu';

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!box.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={box} className={`cf-disclosure${active ? ' is-active' : ''}`}>
      <button
        ref={button}
        type="button"
        className="cf-disclosure-button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-haspopup={menu ? 'menu' : undefined}
        aria-label={ariaLabel}
        onClick={() => setOpen((was) => !was)}
      >
        {icon}
        {label}
        <span className="cf-disclosure-caret" aria-hidden>
          ▾
        </span>
      </button>
      {open && (
        <ul id={listId} className={`cf-disclosure-list cf-disclosure-${align}`} role={menu ? 'menu' : undefined}>
          {items.map((item) => (
            <li key={item.key} role={menu ? 'none' : undefined} className={item.selected ? 'is-selected' : undefined}>
              {item.href ? (
                <LinkItem
                  href={item.href}
                  role={menu ? 'menuitem' : undefined}
                  aria-current={item.selected ? 'page' : undefined}
                  onClick={() => setOpen(false)}
                >
                  {item.label}
                </LinkItem>
              ) : (
                <button
                  type="button"
                  role={menu ? 'menuitem' : undefined}
                  onClick={() => {
                    setOpen(false);
                    item.onSelect?.();
                  }}
                >
                  {item.label}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
