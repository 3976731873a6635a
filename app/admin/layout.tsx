// The signed-in studio's frame (antd, client providers, top bar): shell/studio-layout.tsx.
export { StudioLayout as default } from '../_components/shell/studio-layout';
