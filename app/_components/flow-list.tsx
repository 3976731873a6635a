'use client';
// The flow list through tRPC: search by name or key, newest change first, "more" loads the next page.

import { useEffect, useState } from 'react';
import { trpc } from '../_lib/trpc-client';

type FlowPage = Awaited<ReturnType<typeof trpc.flows.list.query>>;
type FlowItem = FlowPage['items'][number];

export function FlowList() {
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<FlowItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    // A short pause so each keystroke does not start a request.
    const timer = setTimeout(() => {
      trpc.flows.list
        .query({ search: search || undefined, limit: 50 })
        .then((page) => {
          if (!current) return;
          setItems(page.items);
          setCursor(page.nextCursor);
          setError(null);
        })
        .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : 'The flows could not be loaded.'));
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [search]);

  async function loadMore() {
    if (!cursor) return;
    const page = await trpc.flows.list.query({ search: search || undefined, limit: 50, cursor });
    setItems((previous) => [...previous, ...page.items]);
    setCursor(page.nextCursor);
  }

  return (
    <section>
      <div className="bar">
        <input type="search" placeholder="Search flows by name or id" value={search} onChange={(event) => setSearch(event.target.value)} aria-label="Search flows" />
      </div>
      {error && <p className="error">{error}</p>}
      <table>
        <thead>
          <tr>
            <th>Name</th>
            <th>Id</th>
            <th>Revision</th>
            <th>Published</th>
            <th>Last change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((flow) => (
            <tr key={flow.id}>
              <td>{flow.name}</td>
              <td className="muted">{flow.key}</td>
              <td>{flow.revision}</td>
              <td>{flow.latestVersion === null ? '—' : `v${flow.latestVersion}`}</td>
              <td className="muted">
                {new Date(flow.updatedAt).toLocaleString()} {flow.updatedByName ? `by ${flow.updatedByName}` : ''}
              </td>
            </tr>
          ))}
          {items.length === 0 && !error && (
            <tr>
              <td colSpan={5} className="muted">
                No flows yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {cursor && (
        <p>
          <button type="button" className="secondary" onClick={loadMore}>
            More
          </button>
        </p>
      )}
    </section>
  );
}
