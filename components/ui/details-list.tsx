/** Label/value pairs as a description list (two columns on wide screens). */
export function DetailsList({ rows }: { rows: [label: string, value: React.ReactNode][] }) {
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
