// Other documents that go through the item review workflow (e.g. the annual report) declare their
// category and the composition root registers it here, so the system administrator configures
// their steps on the same page. Publishing does not import those modules; they import this.
import type { ReviewStep } from './workflow.ts';

export interface ExtraWorkflowCategory {
  /** The workflow_configs.category_key. */
  readonly key: string;
  /** Message key of its label on the workflow page. */
  readonly labelKey: string;
  /** Steps when nothing is configured; the agency's '*' configuration does not apply to it. */
  readonly defaultSteps: readonly ReviewStep[];
}

const extra: ExtraWorkflowCategory[] = [];

export function registerWorkflowCategory(category: ExtraWorkflowCategory): void {
  if (!extra.some((c) => c.key === category.key)) extra.push(category);
}

export function extraWorkflowCategory(key: string): ExtraWorkflowCategory | undefined {
  return extra.find((c) => c.key === key);
}

export function extraWorkflowCategories(): readonly ExtraWorkflowCategory[] {
  return extra;
}
