import type { MyTrainingItem, TrainingState } from '../../domain/myTraining';

export interface TrainingGroup {
  state: TrainingState;
  items: MyTrainingItem[];
}

/** Groups items by state, keeping the order the API returned (it sorts the most urgent first). */
export function groupByState(items: readonly MyTrainingItem[]): TrainingGroup[] {
  const groups: TrainingGroup[] = [];
  for (const item of items) {
    let group = groups.find((g) => g.state === item.state);
    if (!group) {
      group = { state: item.state, items: [] };
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
