// The signed-in studio's frame (antd, client providers, top bar): _layouts/studio-layout.tsx.
export { StudioLayout as default } from '../_layouts/studio-layout';
