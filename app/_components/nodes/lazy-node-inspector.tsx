'use client';
// The inspector forms (react-hook-form, zod resolvers, every node type's form) as one lazily loaded component: the
// canvas imports this registry for icons and accents, and should not carry the forms into the editor's first load.

import dynamic from 'next/dynamic';

export const NodeInspector = dynamic(() => import('../inspector/node-inspector').then((m) => m.NodeInspector), { ssr: false });
