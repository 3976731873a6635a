'use client';
// The JSON view of the whole draft; Monaco loads only when this view is shown, and never on the server.

import { Skeleton } from 'antd';
import dynamic from 'next/dynamic';
import type { JsonViewProps } from './json-view-props';

const JsonViewEditor = dynamic(() => import('./json-view-editor'), {
  ssr: false,
  loading: () => <Skeleton active paragraph={{ rows: 8 }} />,
});

export default function JsonView(props: JsonViewProps) {
  return <JsonViewEditor {...props} />;
}
