'use client';
// A plain HTML table in antd's table look (globals.css `.data-table`) for the resource and admin lists: antd's Table
// (filter tree, selects, virtual list, pagination) cost each of those routes ≈ 80 KB of gzipped JavaScript, and they
// use none of it. Rows are `<tr>`s with `<td>` cells, so they keep their roles and accessible names.

import { Fragment, useState, type ReactNode } from 'react';

export interface DataColumn<Row> {
  key: string;
  title: ReactNode;
  render: (row: Row) => ReactNode;
  /** e.g. `number` (right-aligned) or `secondary` (globals.css). */
  className?: string;
}

export interface DataTableProps<Row> {
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: DataColumn<Row>[];
  /** While the first page loads: the table says it is busy and shows no "empty" line yet. */
  loading?: boolean;
  empty: ReactNode;
  size?: 'middle' | 'small';
  /** A row that opens to show more below it, with a toggle button (named `expandLabel`) in a first narrow column. */
  expandable?: { render: (row: Row) => ReactNode; expandLabel: string; collapseLabel: string };
}

export function DataTable<Row>({
  rows,
  rowKey,
  columns,
  loading = false,
  empty,
  size = 'middle',
  expandable,
}: DataTableProps<Row>) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const span = columns.length + (expandable ? 1 : 0);

  return (
    <div className={`data-table${size === 'small' ? ' data-table-small' : ''}`} aria-busy={loading}>
      <table>
        <thead>
          <tr>
            {expandable && (
              <th scope="col" className="data-table-toggle">
                <span className="visually-hidden">{expandable.expandLabel}</span>
              </th>
            )}
            {columns.map((column) => (
              <th scope="col" key={column.key} className={column.className}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const key = rowKey(row);
            const expanded = open.has(key);
            return (
              <Fragment key={key}>
                <tr>
                  {expandable && (
                    <td className="data-table-toggle">
                      <button
                        type="button"
                        className={`data-table-expander${expanded ? ' is-expanded' : ''}`}
                        aria-expanded={expanded}
                        aria-label={expanded ? expandable.collapseLabel : expandable.expandLabel}
                        onClick={() => toggle(key)}
                      />
                    </td>
                  )}
                  {columns.map((column) => (
                    <td key={column.key} className={column.className}>
                      {column.render(row)}
                    </td>
                  ))}
                </tr>
                {expandable && expanded && (
                  <tr className="data-table-expanded">
                    <td colSpan={span}>{expandable.render(row)}</td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {!loading && rows.length === 0 && (
            <tr>
              <td colSpan={span} className="empty">
                {empty}
              </td>
            </tr>
          )}
          {loading && rows.length === 0 && (
            <tr>
              <td colSpan={span} className="empty">
                <span className="data-table-spinner" aria-hidden />
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
