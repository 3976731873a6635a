// The studio's entry for the survey node type: palette and canvas icon, accent, the config a new node starts with, its form.

import { FormOutlined } from '@ant-design/icons';
import { accents, emptyPrompt, formLoader, type NodeUi } from '../node-ui';

export const surveyUi: NodeUi = {
  icon: FormOutlined,
  accent: accents.interaction,
  newConfig: (languages) => ({ questions: [{ prompt: emptyPrompt(languages), variable: '' }] }),
  inspector: formLoader(() => import('../forms').then((m) => m.SurveyInspector)),
};
