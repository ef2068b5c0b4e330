export declare const root: string;
export declare const timingsPath: string;
export declare function testFiles(only?: string): string[];
export declare function readTimings(): Record<string, number>;
export declare function partition(
  files: readonly string[],
  count: number,
  timings: Readonly<Record<string, number>>,
): { files: string[]; seconds: number }[];
export declare function changedFiles(): string[];
export declare function affectedTestFiles(changed: readonly string[], candidates: readonly string[]): string[];
