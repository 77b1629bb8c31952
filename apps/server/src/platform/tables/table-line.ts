/** One row of an uploaded table, with the line it stands on in the file (as Excel numbers it). */
export interface TableLine {
  line: number;
  cells: string[];
}
