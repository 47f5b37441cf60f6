import * as React from 'react';

export interface TableHeadingProps {
  /** Read by screen readers as the table's name. */
  caption: string;
  columns: readonly string[];
  captionClassName?: string;
  cellClassName?: string;
}

/** A data table's caption and column headers. */
export function TableHeading({ caption, columns, captionClassName, cellClassName }: TableHeadingProps): React.ReactElement {
  return (
    <>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((name) => (
            <th key={name} scope="col" className={cellClassName}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
