import { useMemo, useState, type ReactNode } from 'react';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted by (and, unless `render` says otherwise, shown). */
  value: (row: Row) => number | string | null | undefined;
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
}

/** A table whose column headers sort it (ascending, then descending); nulls last. */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  name,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; descending?: boolean };
  /** A stable name for tests (`data-table`). */
  name: string;
}) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    const column = columns.find((candidate) => candidate.key === sort?.key);
    if (!column) return rows;
    const direction = sort?.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const [x, y] = [column.value(a), column.value(b)];
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * direction;
      return String(x).localeCompare(String(y), 'zh-CN') * direction;
    });
  }, [rows, columns, sort]);
  return (
    <div className="table-wrap">
      <table data-table={name}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => {
              const active = sort?.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : 'none'}
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort({ key: column.key, descending: active ? !sort?.descending : false })
                    }
                  >
                    {column.label}
                    <span aria-hidden="true">{active ? (sort?.descending ? ' ▼' : ' ▲') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} data-row={rowKey(row)}>
              {columns.map((column) => (
                <td
                  key={column.key}
                  data-field={column.key}
                  className={column.numeric ? 'numeric' : undefined}
                >
                  {column.render ? column.render(row) : (column.value(row) ?? '—')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
