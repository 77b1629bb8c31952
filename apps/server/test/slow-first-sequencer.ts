import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Files known to take a minute or more. A fresh clone has no timings cached, so Vitest orders files by size,
 * and these small files would start last and leave one worker running alone at the end; they start first.
 */
const SLOW = [
  'apps/server/src/cli/cli.int.test.ts',
  'apps/server/src/modules/insurance/insured-import-limits.int.test.ts',
];

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const projects = [...new Set(sorted.map((f) => f.project.name))];
    const rank = (f: TestSpecification) => {
      const i = SLOW.findIndex((s) => f.moduleId.endsWith(s));
      return i < 0 ? SLOW.length : i;
    };
    // Projects keep the order Vitest gave them (groupOrder); only the files inside a project move.
    return sorted
      .map((file, index) => ({ file, index }))
      .sort(
        (a, b) =>
          projects.indexOf(a.file.project.name) - projects.indexOf(b.file.project.name) ||
          rank(a.file) - rank(b.file) ||
          a.index - b.index,
      )
      .map(({ file }) => file);
  }
}
